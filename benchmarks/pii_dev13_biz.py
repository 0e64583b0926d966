"""dev13 small businesses (of this part's own choosing), their domains, and people's emails."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import phonenumbers as pn
from pii_dev13_gen import phone


@dataclass
class Biz:
    name: str
    slug: str
    what: str  # what the caller wants, said by the caller
    ids: list[tuple[str, str, int]]  # (look-alike class, spoken noun, digits)
    thing: str  # a thing the business sells or hires, for amounts and measurements
    region: str = "US"
    tld: str = "com"
    line: pn.PhoneNumber | None = None
    extra: dict = field(default_factory=dict)

    @property
    def domain(self) -> str:
        return f"{self.slug}.{self.tld}"


SHOPS = [
    (
        "Brackwater Harp Rentals",
        "brackwaterharps",
        "rent a lever harp for a wedding",
        [("rental_agreement_no", "rental agreement", 9), ("serial_no", "instrument serial", 10)],
        "harp",
    ),
    (
        "Merlin Ridge Falconry",
        "merlinridgefalconry",
        "book a hawk walk for two",
        [("booking_ref", "booking reference", 8), ("animal_ring_no", "bird ring number", 10)],
        "hawk walk",
    ),
    (
        "Kettle Valley Sauna Trailer",
        "kettlevalleysauna",
        "hire the mobile sauna for a weekend",
        [
            ("hire_contract_no", "hire contract", 9),
            ("trailer_plate_ref", "trailer registration ref", 7),
        ],
        "sauna trailer",
    ),
    (
        "Underwood & Platen Typewriter Repair",
        "underwoodplaten",
        "get a typewriter platen recovered",
        [("repair_ticket_no", "repair ticket", 8), ("serial_no", "machine serial", 9)],
        "platen",
    ),
    (
        "Thermal Lift Balloon Flights",
        "thermallift",
        "move our balloon flight date",
        [
            ("flight_voucher_no", "flight voucher", 10),
            ("manifest_no", "passenger manifest number", 8),
        ],
        "balloon flight",
    ),
    (
        "Ewe Turn Shearing Co",
        "eweturnshearing",
        "book shearing for about eighty ewes",
        [("flock_register_no", "flock register number", 9), ("animal_tag", "ear tag", 10)],
        "shearing visit",
    ),
    (
        "Lantern Lead Glass Studio",
        "lanternleadglass",
        "commission a stained glass panel",
        [("commission_no", "commission number", 8), ("lot_no", "glass lot", 7)],
        "leaded panel",
    ),
    (
        "Slow Lock Canal Boats",
        "slowlockboats",
        "hire a narrowboat for a week",
        [("boat_licence_no", "boat licence", 8), ("berth_reservation_no", "berth reservation", 9)],
        "narrowboat",
    ),
    (
        "Cantor & Pipe Organ Tuning",
        "cantorpipe",
        "get the church organ tuned before easter",
        [("work_order_no", "work order", 9), ("parish_account_no", "parish account", 10)],
        "tuning visit",
    ),
    (
        "Scales & Tails Reptile Lodge",
        "scalesandtails",
        "board my tortoise over the holidays",
        [
            ("boarding_ref", "boarding reference", 8),
            ("microchip_no", "microchip", 10),
            ("cites_permit_no", "cites permit", 9),
        ],
        "boarding night",
    ),
    (
        "Drone Hollow Bee Supply",
        "dronehollowbees",
        "order a nucleus colony",
        [("apiary_reg_no", "apiary registration", 8), ("queen_batch_no", "queen batch", 7)],
        "nuc box",
    ),
    (
        "Glass Eye Taxidermy",
        "glasseyetaxidermy",
        "check on a mount i dropped off",
        [("specimen_tag", "specimen tag", 9), ("game_permit_no", "game permit", 10)],
        "shoulder mount",
    ),
    (
        "Edgewax Ski Tuning",
        "edgewaxtuning",
        "get two snowboards waxed and edged",
        [("tune_ticket_no", "tune ticket", 7), ("binding_serial_no", "binding serial", 11)],
        "base grind",
    ),
    (
        "Fretwell Luthiers",
        "fretwellluthiers",
        "have a cello neck reset",
        [("job_card_no", "job card", 8), ("serial_no", "cello serial", 9)],
        "neck reset",
    ),
    (
        "Mycelium Trail Foraging",
        "myceliumtrail",
        "join the autumn mushroom walk",
        [("ticket_no", "ticket number", 9), ("landowner_permit_no", "landowner permit", 8)],
        "forage walk",
    ),
    (
        "Hourglass Tower Clocks",
        "hourglasstower",
        "restore a turret clock movement",
        [("quote_no", "quote number", 8), ("heritage_consent_no", "heritage consent", 10)],
        "movement overhaul",
    ),
    (
        "Drone & Chanter Pipe School",
        "droneandchanter",
        "sign my son up for practice chanter lessons",
        [("student_no", "student number", 8), ("exam_entry_no", "exam entry", 9)],
        "lesson block",
    ),
    (
        "Drift Clear Snow Ploughing",
        "driftclear",
        "get on the seasonal plough list",
        [("route_no", "route number", 7), ("contract_no", "season contract", 9)],
        "season pass",
    ),
    (
        "Whisker & Oil Pet Portraits",
        "whiskerandoil",
        "commission a portrait of my greyhound",
        [("commission_no", "commission number", 8), ("order_no", "order number", 10)],
        "canvas",
    ),
    (
        "Pebble Stone Curling Club",
        "pebblestonecurling",
        "book a sheet for a corporate league",
        [("sheet_booking_no", "sheet booking", 8), ("membership_no", "membership number", 9)],
        "sheet hour",
    ),
    (
        "Sheer Face Rope Access",
        "sheerfacerope",
        "get the atrium glass cleaned",
        [("site_permit_no", "site permit", 9), ("rams_ref", "method statement ref", 8)],
        "abseil day",
    ),
    (
        "Fernroof Yurt Camp",
        "fernroofyurts",
        "change the dates of our yurt stay",
        [("reservation_no", "reservation number", 10), ("gate_code", "gate code", 6)],
        "yurt night",
    ),
    (
        "Last Ride Classic Cars",
        "lastrideclassics",
        "hire a vintage car for a funeral",
        [("hire_contract_no", "hire agreement", 9), ("chassis_no", "chassis number", 11)],
        "car hire",
    ),
    (
        "Bleat Street Goat Yoga",
        "bleatstreetyoga",
        "book a goat yoga class for a hen party",
        [("class_pass_no", "class pass", 8), ("waiver_no", "waiver number", 9)],
        "class",
    ),
    (
        "Brinebed Oyster Farm",
        "brinebedoysters",
        "order oysters for a party",
        [("harvest_lot_no", "harvest lot", 9), ("shellfish_tag", "shellfish tag", 10)],
        "dozen",
    ),
    (
        "Deepwell Borehole Drilling",
        "deepwellbores",
        "get a quote for a borehole",
        [("water_permit_no", "abstraction permit", 10), ("meter_no", "meter number", 9)],
        "metre drilled",
    ),
    (
        "Orrery Dome Hire",
        "orrerydome",
        "hire the inflatable planetarium for a school",
        [("booking_ref", "booking reference", 9), ("pat_cert_no", "safety certificate", 8)],
        "dome session",
    ),
    (
        "Copperleaf Bookbinders",
        "copperleafbind",
        "rebind my grandmother's bible",
        [("job_no", "job number", 7), ("lot_no", "leather lot", 8)],
        "rebind",
    ),
    (
        "Saltmarsh Kite Surf Hire",
        "saltmarshkite",
        "rent a kite and board for the bank holiday",
        [("rental_no", "rental number", 8), ("deposit_ref", "deposit reference", 10)],
        "kit day",
    ),
    (
        "Quarry Light Sign Painters",
        "quarrylightsigns",
        "repaint a shopfront fascia",
        [("quote_no", "quote number", 9), ("council_consent_no", "council consent", 10)],
        "fascia",
    ),
]

TLD = {
    "US": ["com", "com", "us", "co"],
    "CA": ["ca", "com"],
    "GB": ["co.uk", "uk", "com"],
    "IE": ["ie", "com"],
    "AU": ["com.au", "net.au"],
    "NZ": ["co.nz", "nz"],
    "IN": ["in", "co.in"],
    "ZA": ["co.za"],
    "DE": ["de"],
    "FR": ["fr"],
    "ES": ["es"],
    "IT": ["it"],
    "NL": ["nl"],
    "PL": ["pl"],
    "SE": ["se"],
    "BR": ["com.br"],
    "MX": ["com.mx"],
    "JP": ["jp", "co.jp"],
    "SG": ["com.sg", "sg"],
    "NO": ["no"],
    "CH": ["ch"],
    "AT": ["at"],
    "DK": ["dk"],
    "FI": ["fi"],
    "PT": ["pt"],
    "BE": ["be"],
    "AR": ["com.ar"],
    "CL": ["cl"],
    "CO": ["com.co"],
    "KE": ["co.ke"],
    "NG": ["com.ng"],
    "PH": ["com.ph", "ph"],
    "MY": ["com.my", "my"],
}
BIZ_REGIONS = [
    "US",
    "US",
    "US",
    "CA",
    "GB",
    "IE",
    "AU",
    "NZ",
    "DE",
    "NL",
    "SE",
    "ZA",
    "SG",
    "FR",
    "IN",
    "JP",
    "BR",
    "MX",
    "NO",
    "CH",
    "KE",
    "PH",
    "CL",
    "AT",
]


def biz(rng: random.Random, region: str | None = None) -> Biz:
    name, slug, what, ids, thing = rng.choice(SHOPS)
    if region is None or region not in TLD:
        region = rng.choice(BIZ_REGIONS)
    b = Biz(name, slug, what, ids, thing, region, rng.choice(TLD.get(region, ["com"])))
    b.line = phone(rng, region, "fixed")
    return b


# --- people's emails --------------------------------------------------------------------

PROVIDERS = {
    "US": [
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "icloud.com",
        "aol.com",
        "comcast.net",
        "protonmail.com",
        "hotmail.com",
        "me.com",
        "att.net",
        "fastmail.com",
    ],
    "CA": ["shaw.ca", "rogers.com", "sympatico.ca", "telus.net", "videotron.ca", "gmail.com"],
    "GB": ["btinternet.com", "yahoo.co.uk", "sky.com", "virginmedia.com", "hotmail.co.uk"],
    "IE": ["eircom.net", "gmail.com"],
    "AU": ["bigpond.com", "optusnet.com.au", "bigpond.net.au"],
    "NZ": ["xtra.co.nz", "slingshot.co.nz"],
    "DE": ["gmx.de", "web.de", "t-online.de", "posteo.de"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr"],
    "IT": ["libero.it", "virgilio.it"],
    "ES": ["telefonica.net", "gmail.com"],
    "NL": ["ziggo.nl", "kpnmail.nl", "planet.nl"],
    "IN": ["rediffmail.com", "yahoo.co.in"],
    "JP": ["docomo.ne.jp", "yahoo.co.jp", "ezweb.ne.jp"],
    "KR": ["naver.com", "daum.net", "hanmail.net"],
    "BR": ["uol.com.br", "bol.com.br", "terra.com.br"],
    "ZA": ["mweb.co.za", "telkomsa.net", "webmail.co.za"],
    "MX": ["prodigy.net.mx", "hotmail.com"],
    "PL": ["wp.pl", "onet.pl", "o2.pl", "interia.pl"],
    "SE": ["telia.com", "bredband.net"],
    "CZ": ["seznam.cz", "email.cz"],
    "CH": ["bluewin.ch", "gmx.ch"],
    "AT": ["aon.at", "gmx.at"],
    "NO": ["online.no", "getmail.no"],
    "DK": ["mail.dk", "jubii.dk"],
    "FI": ["kolumbus.fi", "luukku.com"],
    "BE": ["skynet.be", "telenet.be"],
    "PT": ["sapo.pt", "clix.pt"],
    "AR": ["fibertel.com.ar", "yahoo.com.ar"],
    "SG": ["singnet.com.sg", "gmail.com"],
    "TR": ["yandex.com.tr", "gmail.com"],
    "UA": ["ukr.net", "i.ua"],
}
NICK = [
    "tidepool",
    "kiwibird",
    "ironhorse",
    "mapleleaf",
    "nightjar",
    "saltyseadog",
    "bluefern",
    "owlet",
    "fieldmouse",
    "rainbarrel",
    "copperpot",
    "stargazer",
    "tinkerbell",
    "longshot",
    "marmalade",
    "duckpond",
    "quietriver",
    "pinecone",
    "dustyboots",
    "peppermill",
]
COMPANY = [
    "harlowfreight",
    "zenithdental",
    "bluegumlogistics",
    "oakmereschool",
    "rivetworks",
    "northcape-eng",
    "granitebay",
    "solterra",
    "kingfisher-law",
    "meadowvale",
    "tallship",
    "quarrymen",
    "brightwell",
    "ferncroft",
    "aldgatepartners",
    "cobaltlabs",
]
SUBDOMAIN = ["mail", "staff", "eu", "corp", "us", "students", "alumni", "ops"]


def clean(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalpha())


def person_email(
    rng: random.Random, first: str, last: str, region: str, work: bool = False
) -> tuple[str, str]:
    """(local part, domain) of a person's own address."""
    f, l = clean(first), clean(last)
    year = str(rng.choice([rng.randint(55, 99), rng.randint(1960, 2006), rng.randint(1, 99)]))
    sym = rng.choice([".", "_", "-", "."])
    if work:
        local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}", f"{f}{sym}{l[0]}"])
        host = rng.choice(COMPANY)
        tld = rng.choice(TLD.get(region, ["com"]))
        dom = f"{host}.{tld}"
        if rng.random() < 0.45:
            dom = f"{rng.choice(SUBDOMAIN)}.{dom}"
        return local, dom
    local = rng.choice(
        [
            f"{f}{sym}{l}",
            f"{f}{sym}{l}{year}",
            f"{f[0]}{sym}{l}",
            f"{l}{sym}{f}",
            f"{f}{l}{year}",
            f"{rng.choice(NICK)}{year}",
            f"{rng.choice(NICK)}{sym}{f}",
            f"{f}{sym}{rng.choice(NICK)}",
            f"the{sym}{l}s",
            f"{f}{sym}and{sym}{rng.choice(FIRST_SHORT)}",
        ]
    )
    pool = PROVIDERS.get(region, []) + ["gmail.com", "outlook.com", "yahoo.com", "proton.me"]
    return local, rng.choice(pool)


FIRST_SHORT = ["jo", "sam", "ali", "bo", "kit", "lee", "ana", "ray", "max", "ivy"]
ROLES_JSON = ["bookings", "accounts", "hello", "orders", "frontdesk", "crew"]
