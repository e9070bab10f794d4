"""Our own name data: what the packaged gazetteers lack or spell differently.

Every entry was added because a place in conflict reporting (the seed report,
ACLED/UCDP notes) is spelled in a way GeoNames does not carry, or because a
reference convention differs. ``build`` attaches each alias to every place in
the country whose indexed name equals the target, so an alias of a city that
shares its name with its province (Raqqa, Deir ez-Zor) reaches both.
"""

from __future__ import annotations

# (country code, target name as indexed in the gazetteer, aliases)
PLACE_ALIASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "SY",
        "Deir ez-Zor",
        (
            "Deir al-Zour",
            "Deir ez-Zor",
            "Dayr az-Zawr",
            "Deir Ezzor",
            "Deir el-Zour",
            "Deir Ez Zor",
            "Deir al-Zor",
            "Der Ezzor",
            "Deirezzor",
        ),
    ),
    (
        "SY",
        "Albu Kamal",
        (
            "Abu Kamal",
            "Al Bukamal",
            "Albu Kamal",
            "Al-Bukamal",
            "Bukamal",
            "Boukamal",
            "Abukamal",
            "Al Bu Kamal",
        ),
    ),
    (
        "SY",
        "Ayn al Arab",
        ("Kobane", "Kobani", "Kobanê", "Ayn al-Arab", "Ain al-Arab", "Ain al Arab"),
    ),
    ("SY", "Al-Tabqa", ("Tabqa", "Al-Thawrah", "Al Thawrah", "Thawra", "Tabaqa", "Al Tabqa")),
    ("SY", "Ar Raqqah", ("Raqqa", "Ar-Raqqah", "Raqqah", "Rakka", "al-Raqqa", "Ar-Raqqa")),
    ("SY", "Al Hasakah", ("Hasakah", "Hassakeh", "Hasaka", "Al-Hasakah", "Hassakah", "Hasakeh")),
    ("SY", "Al Qamishli", ("Qamishli", "Qamishlo", "Kamishli")),
    ("SY", "Manbij", ("Menbij", "Manbej")),
    ("SY", "Tadmur", ("Palmyra", "Tadmor")),
    ("SY", "Idlib", ("Idleb",)),
    ("SY", "Daraa", ("Deraa", "Dara'a", "Daraya al-Balad")),
    ("SY", "Latakia", ("Lattakia", "Lattaquie")),
    ("SY", "Afrin", ("Efrin", "Afreen")),
    ("SY", "A`zaz", ("Azaz", "Aazaz", "Izaz")),
    ("SY", "As Suwayda", ("Sweida", "Suwayda", "Sweyda")),
    ("IQ", "Al Fallujah", ("Fallujah", "Falluja", "Fallouja")),
    ("IQ", "Mosul", ("Mosul", "Mawsil", "Al-Mosul")),
    ("IQ", "Tall Afar", ("Tal Afar", "Tel Afar", "Tall Afar", "Talafar")),
    ("IQ", "Bayji", ("Baiji", "Beiji")),
    ("IQ", "Hadithah", ("Haditha",)),
    ("IQ", "Al Qayyarah", ("Qayyarah", "Qayara", "Qayyara")),
    ("IQ", "Al Hawijah", ("Hawijah", "Hawija", "Al-Hawija")),
    ("IQ", "Baqubah", ("Baquba", "Baqouba", "Baqubah", "Ba'qubah")),
    ("IQ", "Erbil", ("Irbil", "Arbil", "Hawler")),
    ("IQ", "As Sulaymaniyah", ("Sulaimaniya", "Sulaymaniyah", "Suleimaniyah", "Slemani")),
    ("IQ", "Diyala", ("Diyala", "Diala", "Diyala Province")),
    ("IQ", "Al Anbar", ("Anbar", "Anbar Province")),
    ("IQ", "Salah ad Din", ("Salahuddin", "Salah al-Din", "Salaheddin", "Salah ad-Din")),
    ("IQ", "Nineveh", ("Nineveh", "Ninawa", "Ninewa", "Nineveh Province")),
    ("YE", "Sanaa", ("Sana'a", "Sanaa", "Sana")),
    ("YE", "Al Hudaydah", ("Hodeidah", "Hudaydah", "Hodeida")),
    ("YE", "Ma'rib", ("Marib",)),
    ("YE", "Ta`izz", ("Taiz", "Taizz")),
    ("YE", "Sa'dah", ("Saada", "Sadah", "Saadah")),
    ("SO", "Mogadishu", ("Muqdisho", "Mogadiscio")),
    ("LY", "Misratah", ("Misrata", "Misurata")),
    ("LY", "Sirte", ("Surt", "Sirt")),
    ("LY", "Benghazi", ("Banghazi",)),
    ("AF", "Kandahar", ("Qandahar", "Kandahar")),
    ("AF", "Kunduz", ("Kondoz", "Qonduz")),
    ("UA", "Kyiv", ("Kiev", "Kyiv")),
    (
        "US",
        "Washington, D.C.",
        ("D.C.", "Washington D.C.", "Washington DC", "District of Columbia"),
    ),
    ("US", "Los Angeles", ("L.A.",)),
)

# Country names news uses that are not in the packaged lists (or are codes the
# general filter drops, "US", "UK").
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "the United States",
    ),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E."),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
    "RU": ("Russia",),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo"),
    "PS": (
        "Palestine",
        "Palestinian Territories",
        "Palestinian territories",
        "West Bank",
        "Gaza Strip",
    ),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
}

# Demonyms countryinfo lacks or words that carry a country in conflict news.
DEMONYMS: dict[str, str] = {
    "American": "US",
    "U.S.": "US",
    "British": "GB",
    "Syrian": "SY",
    "Iraqi": "IQ",
    "Lebanese": "LB",
    "Turkish": "TR",
    "Kuwaiti": "KW",
    "Saudi": "SA",
    "Yemeni": "YE",
    "Afghan": "AF",
    "Pakistani": "PK",
    "Libyan": "LY",
    "Somali": "SO",
    "Nigerian": "NG",
    "Malian": "ML",
    "Iranian": "IR",
    "Israeli": "IL",
    "Palestinian": "PS",
    "Egyptian": "EG",
    "Jordanian": "JO",
    "Ukrainian": "UA",
    "Russian": "RU",
    "Sudanese": "SD",
    "Congolese": "CD",
    "Ethiopian": "ET",
    "Kenyan": "KE",
    "Mexican": "MX",
    "Colombian": "CO",
    "Indian": "IN",
    "Chinese": "CN",
    "French": "FR",
    "German": "DE",
    "Emirati": "AE",
    "Qatari": "QA",
}

# AP-style US state abbreviations, used only in the "City, St." pattern (never
# looked up alone: "La." or "Ore." are words elsewhere).
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL",
    "Ariz.": "AZ",
    "Ark.": "AR",
    "Calif.": "CA",
    "Colo.": "CO",
    "Conn.": "CT",
    "Del.": "DE",
    "Fla.": "FL",
    "Ga.": "GA",
    "Ill.": "IL",
    "Ind.": "IN",
    "Kan.": "KS",
    "Ky.": "KY",
    "La.": "LA",
    "Md.": "MD",
    "Mass.": "MA",
    "Mich.": "MI",
    "Minn.": "MN",
    "Miss.": "MS",
    "Mo.": "MO",
    "Mont.": "MT",
    "Neb.": "NE",
    "Nev.": "NV",
    "N.H.": "NH",
    "N.J.": "NJ",
    "N.M.": "NM",
    "N.Y.": "NY",
    "N.C.": "NC",
    "N.D.": "ND",
    "Okla.": "OK",
    "Ore.": "OR",
    "Pa.": "PA",
    "R.I.": "RI",
    "S.C.": "SC",
    "S.D.": "SD",
    "Tenn.": "TN",
    "Vt.": "VT",
    "Va.": "VA",
    "Wash.": "WA",
    "W.Va.": "WV",
    "Wis.": "WI",
    "Wyo.": "WY",
    "D.C.": "DC",
}

# GeoNames' point for a country is what LGL/GeoWebNews gold uses; countryinfo's
# latlng agrees for most countries (France 46,2; Russia 60,100) but not for the
# United States (38,-97 vs GeoNames 39.76,-98.5, 235 km apart), so that one is
# set here to the GeoNames value.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
}

# Countries whose place names are transliterated from Arabic: their names get
# the article-less and final-h variant keys (normalize.variants).
ARABIC_NAMED = frozenset(
    [
        "SY",
        "IQ",
        "LB",
        "JO",
        "PS",
        "IL",
        "SA",
        "YE",
        "OM",
        "AE",
        "QA",
        "BH",
        "KW",
        "EG",
        "LY",
        "TN",
        "DZ",
        "MA",
        "SD",
        "MR",
        "SO",
    ]
)

# Named areas that are not administrative units in the packaged data (GeoNames
# keeps them as RGN/ADMD/MTS features, which no PyPI package ships), chosen for
# conflict reporting. Points are the areas' approximate geographic centres
# (rounded to 0.5 degree, well inside the 161 km accuracy radius of their
# extent's middle); precision 3 like a province.
# (name, country code or "" for multi-country areas, lat, lon, aliases)
AREAS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    ("South Ossetia", "GE", 42.3, 44.0, ("South Ossetia", "Tskhinvali Region")),
    ("Abkhazia", "GE", 43.0, 41.0, ("Abkhazia",)),
    ("Darfur", "SD", 13.0, 24.0, ("Darfur",)),
    ("Kashmir", "", 34.5, 75.5, ("Kashmir", "Jammu and Kashmir")),
    ("Kurdistan Region", "IQ", 36.2, 44.0, ("Iraqi Kurdistan", "Kurdistan Region")),
    ("Donbas", "UA", 48.0, 38.5, ("Donbas", "Donbass")),
    ("Sinai", "EG", 29.5, 33.8, ("Sinai", "Sinai Peninsula")),
    ("Golan Heights", "SY", 33.0, 35.8, ("Golan Heights", "Golan")),
    ("Eastern Ghouta", "SY", 33.5, 36.4, ("Eastern Ghouta", "Ghouta", "East Ghouta")),
    ("Nagorno-Karabakh", "AZ", 39.8, 46.7, ("Nagorno-Karabakh", "Karabakh")),
    ("Caucasus", "", 42.5, 44.5, ("Caucasus", "Caucasus region")),
    ("Sahel", "", 15.0, 0.0, ("Sahel",)),
    ("Balkans", "", 43.0, 21.0, ("Balkans",)),
    ("Middle East", "", 29.0, 41.0, ("Middle East", "Mideast")),
    ("Horn of Africa", "", 8.0, 45.0, ("Horn of Africa",)),
    ("Swat Valley", "PK", 35.2, 72.4, ("Swat Valley", "Swat")),
    ("Waziristan", "PK", 32.5, 69.8, ("Waziristan", "North Waziristan", "South Waziristan")),
    ("Tigray", "ET", 14.0, 39.0, ("Tigray",)),
    ("West Darfur", "SD", 13.0, 22.5, ("West Darfur",)),
)

# Region names news uses as demonyms ("South Ossetian forces"): they give the
# country as context.
REGION_DEMONYMS: dict[str, str] = {
    "South Ossetian": "GE",
    "Abkhaz": "GE",
    "Abkhazian": "GE",
    "Chechen": "RU",
    "Darfuri": "SD",
    "Sinhalese": "LK",
    "Kashmiri": "IN",
}
