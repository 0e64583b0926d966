"""heldout8: the kinds of business whose calls the part holds.

Each kind: company names (and the website/mailbox built from them), why people call (frames
with `{}` where a look-alike goes, and the classes that fill them), the ids its agents look
up, the fields of its tool records, and how often each kind of PII comes up in its calls.
"""

from __future__ import annotations

from dataclasses import dataclass

Reason = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Biz:
    key: str
    names: tuple[str, ...]
    reasons: tuple[Reason, ...]
    ids: tuple[str, ...]  # what a caller is identified by (LOOK classes)
    extra: tuple[str, ...]  # other look-alikes its records and agents mention
    mix: dict[str, float]  # PII steps: phone, email, card, iban, ssn
    pay_for: tuple[str, ...] = ("the balance",)
    ssn_for: str = "to verify your identity"
    iban_for: str = "for the refund"


def slug(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


BIZ: tuple[Biz, ...] = (
    Biz(
        "vet",
        ("Bright Paws Veterinary", "Cedar Creek Animal Hospital", "Northside Pet Clinic"),
        (
            (
                "Hi, I need to move Biscuit's vaccine appointment on {}, something came up.",
                ("date",),
            ),
            ("Yeah hi, my cat's prescription, number {}, needs a refill.", ("rx_number",)),
            (
                "Hi, we just adopted a dog and the shelter gave us microchip {} — "
                "can you register him?",
                ("microchip_id",),
            ),
            (
                "Hello, I'm calling about the bill from Tuesday, it says {} "
                "and I thought it was less.",
                ("amount",),
            ),
        ),
        ("patient_id", "customer_id"),
        ("microchip_id", "weight", "rx_number", "time", "amount", "date"),
        {"phone": 1.0, "email": 0.7, "card": 0.6, "iban": 0.08, "ssn": 0.0},
        ("today's visit", "the dental cleaning", "the deposit for surgery"),
    ),
    Biz(
        "dentist",
        ("Smile Studio Dental", "Riverbend Family Dentistry", "Parkway Orthodontics"),
        (
            ("Hi, I have a cleaning on {} at {} and I need to reschedule.", ("date", "time")),
            ("Hi there, my insurance changed, the new group number is {}.", ("group_number",)),
            ("Hey, I got a statement for {} and I don't think insurance was billed.", ("amount",)),
        ),
        ("patient_id",),
        ("group_number", "member_id", "time", "date", "amount", "npi"),
        {"phone": 1.0, "email": 0.7, "card": 0.6, "iban": 0.0, "ssn": 0.33},
        ("your copay", "the remaining balance", "the night guard"),
        "for the insurance subscriber record",
    ),
    Biz(
        "property",
        ("Lakeshore Property Management", "Keystone Residential", "Oakline Apartments"),
        (
            ("Hi, the dishwasher in {} is leaking again.", ("unit_number",)),
            ("Hi, I'm calling about work order {}, nobody came out yet.", ("work_order",)),
            ("Hello, I'm applying for the two-bedroom at {}.", ("address",)),
            ("Hi, I moved out of {} last month and I'm waiting on my deposit.", ("address",)),
        ),
        ("lease_id", "unit_number"),
        ("address", "amount", "work_order", "date", "unit_number", "lease_id"),
        {"phone": 1.0, "email": 0.8, "card": 0.5, "iban": 0.4, "ssn": 0.52},
        ("the application fee", "this month's rent", "the pet deposit"),
        "for the background and credit check",
        "for the deposit refund",
    ),
    Biz(
        "moving",
        ("TrueNorth Movers", "Two Guys & A Van Moving", "Pioneer Relocation"),
        (
            ("Hi, I got quote {} and I want to book it for {}.", ("quote_number", "date")),
            ("Hey, we're moving from {} and I need a price.", ("address",)),
            (
                "Hi, your crew is supposed to come {} and I want to add about {}.",
                ("date", "quantity"),
            ),
        ),
        ("quote_number",),
        ("address", "quantity", "dot_number", "date", "time", "amount"),
        {"phone": 1.3, "email": 0.8, "card": 0.8, "iban": 0.08, "ssn": 0.0},
        ("the deposit", "the booking deposit", "the balance for the move"),
    ),
    Biz(
        "isp",
        ("Skyline Fiber", "MetroNet Internet", "Clearwave Broadband"),
        (
            (
                "Yeah, my internet keeps dropping, I'm paying for {} and getting nothing.",
                ("speed",),
            ),
            ("Hi, the modem serial is {} and the light's blinking orange.", ("device_serial",)),
            ("Hi, I have ticket {} open since Monday.", ("ticket_number",)),
            ("Hi, my router's MAC is {}, the tech asked me to call it in.", ("mac_address",)),
        ),
        ("account_number",),
        ("device_serial", "mac_address", "speed", "ticket_number", "version", "amount", "date"),
        {"phone": 1.2, "email": 0.8, "card": 0.6, "iban": 0.08, "ssn": 0.13},
        ("the overdue bill", "the installation fee", "this month"),
        "for the credit check on new service",
    ),
    Biz(
        "energy",
        ("Evergreen Energy", "BrightSpark Power & Gas", "Summit Utilities"),
        (
            ("Hi, I want to give a meter reading, it's {}.", ("meter_reading",)),
            ("Hello, I'm moving into {} and need the power on.", ("address",)),
            ("Hi, my bill jumped to {} and I don't understand why.", ("amount",)),
            ("Hiya, meter number {}, I think you're reading the wrong one.", ("meter_number",)),
        ),
        ("account_number", "meter_number"),
        ("meter_number", "meter_reading", "amount", "address", "date", "percentage"),
        {"phone": 1.0, "email": 0.8, "card": 0.5, "iban": 0.8, "ssn": 0.39},
        ("the past-due amount", "the final bill"),
        "to run the credit check for a new account",
        "for the direct debit",
    ),
    Biz(
        "dmv",
        (
            "State Motor Vehicle Services",
            "County Tag & Title Office",
            "Vehicle Registration Center",
        ),
        (
            ("Hi, I need to renew the registration on plate {}.", ("license_plate",)),
            (
                "Hello, I booked an appointment, confirmation {}, and need to change it.",
                ("confirmation_code",),
            ),
            ("Hi, I bought a car, the VIN is {}, how do I transfer the title?", ("vin",)),
        ),
        ("confirmation_code", "license_plate"),
        ("vin", "license_plate", "amount", "date", "time", "address"),
        {"phone": 0.9, "email": 0.6, "card": 0.6, "iban": 0.0, "ssn": 0.78},
        ("the renewal fee", "the title transfer fee"),
        "for the records check",
    ),
    Biz(
        "university",
        ("Westbrook University Admissions", "Harbor State College", "Lakeside Community College"),
        (
            ("Hi, I submitted application {} and haven't heard back.", ("application_id",)),
            ("Hi, my student ID is {} and my transcript hold is still on.", ("student_id",)),
            ("Hello, I'm an international student and the deposit of {} bounced.", ("amount",)),
        ),
        ("application_id", "student_id"),
        ("application_id", "student_id", "amount", "date", "reference_number"),
        {"phone": 0.9, "email": 1.0, "card": 0.5, "iban": 0.72, "ssn": 0.59},
        ("the enrollment deposit", "the application fee"),
        "for the financial aid file",
        "for the tuition refund",
    ),
    Biz(
        "gym",
        ("IronWorks Fitness", "PulseFit Clubs", "Harborview Athletic Club"),
        (
            ("Hi, I want to freeze my membership, member number {}.", ("member_id",)),
            ("Hey, I was charged {} twice this month.", ("amount",)),
            ("Hi, can I book the {} spin class for tomorrow?", ("time",)),
        ),
        ("member_id",),
        ("member_id", "amount", "time", "date", "promo_code"),
        {"phone": 1.0, "email": 0.8, "card": 0.7, "iban": 0.56, "ssn": 0.0},
        ("the enrollment fee", "the annual fee"),
        iban_for="for the membership direct debit",
    ),
    Biz(
        "food",
        ("DashBite Delivery", "GrubGo", "Corner Kitchen Delivery"),
        (
            ("Hi, order {} came without the drinks.", ("order_id",)),
            ("Hey, my driver went to {} instead of my place.", ("address",)),
            ("Hi, the code {} didn't apply at checkout.", ("promo_code",)),
        ),
        ("order_id",),
        ("order_id", "amount", "address", "time", "promo_code", "business_phone", "quantity"),
        {"phone": 1.2, "email": 0.6, "card": 0.6, "iban": 0.0, "ssn": 0.0},
        ("the replacement order", "the tip"),
    ),
    Biz(
        "travel",
        ("Horizon Travel Partners", "Wanderly Trips", "BlueSky Getaways"),
        (
            ("Hi, booking {}, my flight {} was cancelled.", ("booking_ref", "flight_number")),
            ("Hello, I need the e-ticket number for booking {}.", ("booking_ref",)),
            ("Hi, can I change my seat to {} on the return?", ("seat",)),
        ),
        ("booking_ref",),
        ("flight_number", "eticket_number", "seat", "date", "time", "amount", "booking_ref"),
        {"phone": 1.1, "email": 1.0, "card": 0.8, "iban": 0.8, "ssn": 0.0},
        ("the fare difference", "the change fee", "the hotel deposit"),
        iban_for="for the refund of the cancelled leg",
    ),
    Biz(
        "claims",
        ("Guardian Mutual Claims", "Keystone Auto Insurance", "HomeSure Insurance"),
        (
            ("Hi, I need to file a claim, someone backed into me on {}.", ("date",)),
            ("Hi, I'm calling about claim {}, the adjuster hasn't called.", ("claim_number",)),
            ("Hi, policy {} — a pipe burst in the kitchen.", ("policy_number",)),
        ),
        ("policy_number", "claim_number"),
        ("claim_number", "policy_number", "vin", "amount", "date", "extension"),
        {"phone": 1.2, "email": 0.8, "card": 0.3, "iban": 0.56, "ssn": 0.52},
        ("the deductible", "the reinstatement premium"),
        "for the claimant file",
        "for the claim payout",
    ),
    Biz(
        "pharmacy",
        ("CarePoint Pharmacy", "Main Street Drug", "WellRx Pharmacy"),
        (
            ("Hi, refill for prescription {}, please.", ("rx_number",)),
            (
                "Hi, my insurance got rejected at the counter, they said something about BIN {}.",
                ("rx_bin",),
            ),
            ("Hi, is my order ready at {}?", ("store_number",)),
        ),
        ("rx_number",),
        ("rx_number", "ndc_code", "rx_bin", "store_number", "amount", "time"),
        {"phone": 1.3, "email": 0.5, "card": 0.6, "iban": 0.0, "ssn": 0.2},
        ("the copay", "the vaccine"),
        "for the insurance claim",
    ),
    Biz(
        "recruiting",
        ("Apex Talent Partners", "BrightHire Staffing", "Meridian Recruiting"),
        (
            (
                "Hi, I applied for requisition {} and got a call from this number.",
                ("reference_number",),
            ),
            ("Hi, I start on {} and onboarding wants my details.", ("date",)),
            ("Hello, the offer says {} per hour, is that right?", ("amount",)),
        ),
        ("customer_id",),
        ("reference_number", "amount", "date", "zip", "ein", "address"),
        {"phone": 1.2, "email": 1.2, "card": 0.0, "iban": 0.72, "ssn": 0.91},
        ("the background check",),
        "for the I-9 and the payroll setup",
        "for payroll",
    ),
    Biz(
        "legal",
        ("Community Legal Aid", "Tenant Rights Legal Clinic", "Fairview Legal Services"),
        (
            ("Hi, I have an eviction hearing on {} and I need help.", ("date",)),
            ("Hello, my case number is {}.", ("docket_number",)),
            ("Hi, I got a letter about a debt of {}.", ("amount",)),
        ),
        ("case_number",),
        ("docket_number", "case_number", "date", "time", "address", "amount", "room_number"),
        {"phone": 1.3, "email": 0.8, "card": 0.0, "iban": 0.0, "ssn": 0.65},
        ("the filing fee",),
        "for the intake eligibility screen",
    ),
    Biz(
        "mortgage",
        ("Cornerstone Mortgage Group", "Blue Harbor Home Loans", "Pinnacle Lending"),
        (
            ("Hi, I want to refinance, current rate is {}.", ("percentage",)),
            ("Hi, loan number {}, my escrow went up.", ("loan_number",)),
            ("Hello, we're buying at {} and need pre-approval.", ("address",)),
        ),
        ("loan_number",),
        ("loan_number", "nmls_id", "percentage", "amount", "address", "ein", "routing_number"),
        {"phone": 1.0, "email": 1.0, "card": 0.2, "iban": 0.08, "ssn": 1.17},
        ("the appraisal fee", "the credit report fee"),
        "for the credit pull",
    ),
    Biz(
        "rental",
        ("Drivewell Car Rental", "Coastline Rent-A-Car", "Metro Car Share"),
        (
            ("Hi, reservation {}, I need to extend until {}.", ("confirmation_code", "date")),
            ("Hi, I returned the car with {} on it and got charged extra.", ("odometer",)),
            ("Hey, there's a toll charge on plate {} I don't recognise.", ("license_plate",)),
        ),
        ("confirmation_code",),
        ("license_plate", "odometer", "amount", "date", "time", "address", "vin"),
        {"phone": 1.0, "email": 0.8, "card": 1.0, "iban": 0.16, "ssn": 0.0},
        ("the extension", "the damage waiver"),
    ),
    Biz(
        "hotel",
        ("Harborline Hotels", "The Juniper Inn", "Seaview Resort & Spa"),
        (
            ("Hi, confirmation {}, we're arriving late, around {}.", ("confirmation_code", "time")),
            ("Hello, I left a charger in {}.", ("room_number",)),
            ("Hi, I was charged {} for the minibar and didn't use it.", ("amount",)),
        ),
        ("confirmation_code",),
        ("room_number", "amount", "date", "member_id", "confirmation_code"),
        {"phone": 1.0, "email": 0.9, "card": 1.0, "iban": 0.4, "ssn": 0.0},
        ("the deposit", "the room upgrade"),
    ),
    Biz(
        "mobile",
        ("Nimbus Wireless", "Carrier One Mobile", "Peak Mobile"),
        (
            ("Hi, my new phone's IMEI is {} and it says invalid SIM.", ("imei",)),
            ("Hi, the SIM card number is {}, I need it activated.", ("iccid",)),
            ("Hey, I used {} of data and you charged overage.", ("quantity",)),
        ),
        ("account_number",),
        ("imei", "iccid", "amount", "version", "date", "device_serial"),
        {"phone": 1.6, "email": 0.7, "card": 0.6, "iban": 0.08, "ssn": 0.39},
        ("the bill", "the device payment"),
        "for the credit check on the device plan",
    ),
    Biz(
        "shop",
        ("Northwind Outfitters", "Pebble & Pine Home", "GadgetHub Online"),
        (
            ("Hi, order {} says delivered but it isn't here.", ("order_id",)),
            ("Hi, tracking {} hasn't moved in a week.", ("tracking_number",)),
            ("Hi, I want to return part {}.", ("part_number",)),
        ),
        ("order_id",),
        (
            "order_id",
            "tracking_number",
            "rma_number",
            "amount",
            "quantity",
            "invoice_number",
            "gift_receipt",
        ),
        {"phone": 1.0, "email": 1.0, "card": 0.9, "iban": 0.48, "ssn": 0.0},
        ("the exchange", "the expedited shipping"),
    ),
    Biz(
        "autorepair",
        ("Precision Auto Care", "Midtown Collision & Repair", "QuickLane Service"),
        (
            ("Hi, my car's in for service, work order {}. Is it ready?", ("work_order",)),
            ("Hi, you quoted me {} for brakes.", ("amount",)),
            ("Hello, it's at {} now and the light came back on.", ("odometer",)),
        ),
        ("work_order",),
        ("vin", "odometer", "part_number", "amount", "work_order", "time"),
        {"phone": 1.2, "email": 0.5, "card": 0.8, "iban": 0.0, "ssn": 0.0},
        ("the repair", "the diagnostic"),
    ),
    Biz(
        "charity",
        ("Hope Harbor Foundation", "Children's Reading Fund", "Green Earth Trust"),
        (
            ("Hi, I'd like to make a donation of {}.", ("amount",)),
            ("Hi, I need my tax receipt, my donor number is {}.", ("customer_id",)),
            ("Hello, I want to change my monthly gift to {}.", ("amount",)),
        ),
        ("customer_id",),
        ("amount", "ein", "reference_number", "date", "address"),
        {"phone": 0.8, "email": 1.0, "card": 1.1, "iban": 0.8, "ssn": 0.0},
        ("the donation", "the monthly gift"),
        iban_for="for the monthly SEPA gift",
    ),
    Biz(
        "tax",
        ("Liberty Tax Prep", "Ledger & Co. Tax Services", "QuickFile Tax Help"),
        (
            ("Hi, my refund of {} hasn't come yet.", ("amount",)),
            ("Hi, the e-file was rejected, submission ID {}.", ("efile_id",)),
            ("Hi, I have a 1099 from a company with EIN {}.", ("ein",)),
        ),
        ("customer_id",),
        ("efile_id", "ein", "amount", "date", "routing_number", "account_number"),
        {"phone": 1.0, "email": 0.9, "card": 0.4, "iban": 0.0, "ssn": 1.82},
        ("the prep fee",),
        "to pull up your return",
    ),
    Biz(
        "creditunion",
        ("First Harbor Credit Union", "Valley Members Credit Union", "Summit Federal CU"),
        (
            ("Hi, there's a charge of {} I didn't make.", ("amount",)),
            (
                "Hi, I need your routing number for a direct deposit form, is it {}?",
                ("routing_number",),
            ),
            ("Hi, transaction {} went through twice.", ("transaction_id",)),
        ),
        ("member_id",),
        ("routing_number", "account_number", "transaction_id", "amount", "masked_card", "date"),
        {"phone": 1.0, "email": 0.7, "card": 0.9, "iban": 0.32, "ssn": 0.78},
        ("the loan payment",),
        "to verify the account",
        "for the international wire",
    ),
    Biz(
        "streaming",
        ("StreamBox", "Cinevault Plus", "TuneWave Premium"),
        (
            ("Hi, the TV shows code {} and then nothing happens.", ("activation_code",)),
            ("Hi, you charged me {} after I cancelled.", ("amount",)),
            ("Hi, the app's on version {} and won't log in.", ("version",)),
        ),
        ("customer_id",),
        ("activation_code", "version", "amount", "date", "promo_code"),
        {"phone": 0.6, "email": 1.4, "card": 1.0, "iban": 0.24, "ssn": 0.0},
        ("the annual plan",),
    ),
    Biz(
        "clinic",
        ("Lakeside Medical Group", "Northgate Urgent Care", "Family First Health"),
        (
            ("Hi, I need to book a follow-up, patient ID {}.", ("patient_id",)),
            ("Hi, I got a bill for {} for my visit on {}.", ("amount", "date")),
            ("Hi, the referral to Dr. Ahmed, NPI {}, was it sent?", ("npi",)),
        ),
        ("patient_id",),
        ("patient_id", "npi", "member_id", "group_number", "amount", "date", "time", "room_number"),
        {"phone": 1.2, "email": 0.7, "card": 0.6, "iban": 0.0, "ssn": 0.52},
        ("the copay", "the visit balance"),
        "for the insurance subscriber",
    ),
)
