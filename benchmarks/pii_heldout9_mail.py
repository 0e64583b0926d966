"""heldout9's email addresses: the callers' names, their providers (by where they call
from), and how an address is typed and said."""

from __future__ import annotations

import random

from pii_heldout9_bank import letters
from pii_heldout9_kit import digits, pick
from pii_rows import maybe

FIRST = (
    *("ottoline", "bartholomew", "kwabena", "saoirse", "thaddeus", "ingeborg", "ximena"),
    *("oluwaseun", "radhika", "lachlan", "marisol", "zdenek", "teodora", "ignatius"),
    *("wilhelmina", "caoimhe", "dashiell", "eulalia", "florentyna", "gwendolyn", "hamish"),
    *("isidora", "jolanta", "kazimir", "leocadia", "malachy", "nkechi", "orsolya"),
    *("perpetua", "rosalind", "severin", "tamsin", "ulrike", "valentijn", "wenonah"),
    *("xiomara", "yevgenia", "zebulon", "ambrose", "bronagh", "cosmo", "delphine"),
    *("evander", "fenella", "gideon", "hester", "imogen", "jago", "keziah", "lysander"),
    *("mireille", "osric", "philippa", "sigrun", "tobiah", "vashti", "wystan", "zinnia"),
    *("anselm", "birgitta", "clemency", "dervla", "fintan", "griselda", "horatio"),
    *("jarrah", "kofi", "ludmila", "mungo", "nuala", "odalys", "quentin", "rafferty"),
    *("solveig", "tiberius", "ulla", "verity", "winifred", "yusra", "zoltan", "aurelio"),
    *("beatrix", "cormac", "dagny", "eben", "fiorella", "gunnar", "henrike", "iolanthe"),
)
LAST = (
    *("quarrington", "achterberg", "vukovic", "oyelaran", "thistlewood", "marchetti"),
    *("szabo", "kowalczyk", "fairweather", "nakashima", "ellingboe", "penhaligon"),
    *("abernethy", "lindqvist", "castellanos", "okonkwo", "baptiste", "grzelak"),
    *("haverkamp", "ishikawa", "kilbride", "lachance", "moorcroft", "nwachukwu"),
    *("ortolani", "pettigrew", "quinlivan", "rautenbach", "tremblay", "umberger"),
    *("whitlock", "yarborough", "zielinski", "blackwood", "cardenas", "dunleavy"),
    *("featherstone", "gallardo", "hollingsworth", "ibarra", "jankowski", "kettering"),
    *("lombardo", "mulcahy", "nordstrom", "oduya", "prendergast", "ravensworth"),
    *("stavropoulos", "trevelyan", "vandermeer", "wojcik", "aldana", "bergstrand"),
    *("coldwell", "drummond", "esterhazy", "fitzgibbon", "greenhalgh", "hadfield"),
)
HOBBY: tuple[str, ...] = (
    "bees",
    "sails",
    "clocks",
    "reels",
    "hounds",
    "ferns",
    "kilns",
    "oars",
    "barn",
)
HOBBY += ("fiddle", "quilts", "orchard", "pottery", "trails", "woodshop")

PROVIDERS = (
    *("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "hotmail.com"),
    *("icloud.com", "aol.com", "proton.me", "protonmail.com", "fastmail.com", "zoho.com"),
    *("hey.com", "gmx.com", "mail.com", "tutanota.com", "live.com", "msn.com"),
)
LOCAL_PROVIDERS: dict[str, tuple[str, ...]] = {
    "US": (
        *("comcast.net", "att.net", "verizon.net", "sbcglobal.net", "cox.net"),
        *("charter.net", "earthlink.net", "bellsouth.net", "frontier.com", "windstream.net"),
    ),
    "CA": ("shaw.ca", "rogers.com", "sympatico.ca", "telus.net", "videotron.ca", "bell.net"),
    "GB": ("btinternet.com", "sky.com", "talktalk.net", "virginmedia.com", "yahoo.co.uk"),
    "IE": ("eircom.net", "yahoo.ie"),
    "DE": ("web.de", "gmx.de", "t-online.de", "posteo.de"),
    "AT": ("gmx.at", "aon.at"),
    "CH": ("bluewin.ch", "gmx.ch"),
    "FR": ("orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr"),
    "IT": ("libero.it", "virgilio.it", "tiscali.it"),
    "ES": ("telefonica.net", "yahoo.es"),
    "NL": ("ziggo.nl", "kpnmail.nl", "hetnet.nl"),
    "BE": ("skynet.be", "telenet.be"),
    "PL": ("wp.pl", "onet.pl", "o2.pl", "interia.pl"),
    "CZ": ("seznam.cz", "centrum.cz"),
    "JP": ("yahoo.co.jp", "docomo.ne.jp", "nifty.com"),
    "KR": ("naver.com", "daum.net", "hanmail.net"),
    "BR": ("uol.com.br", "bol.com.br", "terra.com.br"),
    "AU": ("bigpond.com", "optusnet.com.au", "iinet.net.au"),
    "NZ": ("xtra.co.nz", "slingshot.co.nz"),
    "IN": ("rediffmail.com", "yahoo.co.in"),
    "ZA": ("mweb.co.za", "telkomsa.net"),
    "SE": ("telia.com", "bredband.net"),
    "DK": ("jubii.dk", "mail.dk"),
    "FI": ("kolumbus.fi", "elisanet.fi"),
    "PT": ("sapo.pt", "clix.pt"),
    "GR": ("otenet.gr", "yahoo.gr"),
    "MX": ("prodigy.net.mx", "yahoo.com.mx"),
    "SG": ("singnet.com.sg",),
    "IS": ("simnet.is",),
}
SAID_WORDS = {
    "gmail": ("gmail", "g mail", "gmail"),
    "hotmail": ("hotmail", "hot mail"),
    "icloud": ("icloud", "i cloud"),
    "outlook": ("outlook",),
    "protonmail": ("protonmail", "proton mail"),
    "fastmail": ("fastmail", "fast mail"),
    "btinternet": ("bt internet", "b t internet"),
    "sbcglobal": ("sbc global", "s b c global"),
    "virginmedia": ("virgin media",),
    "rediffmail": ("rediff mail", "rediffmail"),
    "optusnet": ("optus net", "optusnet"),
    "kpnmail": ("kpn mail", "k p n mail"),
}


def make_email(rng: random.Random, region: str = "US") -> tuple[str, str, str]:
    """(address, first name, last name) of a caller from `region`."""
    first, last = pick(rng, FIRST), pick(rng, LAST)
    shape = rng.randrange(11)
    if shape == 0:
        local = f"{first}.{last}"
    elif shape == 1:
        local = f"{first}{last}"
    elif shape == 2:
        local = f"{first[0]}.{last}"
    elif shape == 3:
        local = f"{first}_{last}"
    elif shape == 4:
        local = f"{first}.{last}{rng.randrange(2, 99)}"
    elif shape == 5:
        local = f"{first}{rng.randrange(1950, 2006)}"
    elif shape == 6:
        local = f"{last}.{first}"
    elif shape == 7:
        local = f"{first[0]}{last}{rng.randrange(1, 10)}"
    elif shape == 8:
        local = f"{first}-{last}"
    elif shape == 9:
        local = f"{first}.{pick(rng, HOBBY)}"
    else:
        local = f"{first}.{last[0]}"
    if maybe(rng, 0.12):
        domain = f"{last}{pick(rng, ('family.net', 'farm.com', 'home.org', 'mail.net', 'co.us'))}"
    elif region in LOCAL_PROVIDERS and maybe(rng, 0.45):
        domain = pick(rng, LOCAL_PROVIDERS[region])
    else:
        domain = pick(rng, PROVIDERS)
    return f"{local}@{domain}", first, last


def said_local(local: str, rng: random.Random, spell: str = "") -> str:
    """The part before the @ said: dots, dashes and underscores as words, digits as words;
    with `spell` (plain, nato) the name pieces spelled out."""
    words: list[str] = []
    run = ""
    for ch in local + " ":
        if ch.isalpha():
            run += ch
            continue
        if run:
            words.append(letters(run, rng, spell) if spell and len(run) <= 8 else run)
            run = ""
        if ch.isdigit():
            words.append(digits(ch, rng, oh=0.3))
        elif ch == ".":
            words.append("dot")
        elif ch == "_":
            words.append("underscore")
        elif ch == "-":
            words.append(pick(rng, ("dash", "hyphen")))
    # digits said one by one arrive as separate words: join "one nine eight four" naturally
    return " ".join(words)


def said_domain(domain: str, rng: random.Random) -> str:
    parts = domain.split(".")
    out = []
    for i, piece in enumerate(parts):
        if i > 0 and len(piece) == 2 and piece not in ("co", "me"):
            out.append(" ".join(piece) if maybe(rng, 0.6) else piece)
        elif piece in SAID_WORDS:
            out.append(pick(rng, SAID_WORDS[piece]))
        elif "-" in piece:
            out.append(piece.replace("-", " dash "))
        else:
            out.append(piece)
    return " dot ".join(out)


def said_email(address: str, rng: random.Random, spell: str = "") -> str:
    local, domain = address.split("@")
    return f"{said_local(local, rng, spell)} at {said_domain(domain, rng)}"
