"""One reader per input format; each turns bytes into ``RawDocument`` or raises ``SitroomError``."""
