from sitroom.cli import main

main()
