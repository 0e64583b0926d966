"""dev11 talk data: kinds of business, what each one's callers call about, which segments fit."""

from __future__ import annotations

KINDS = (
    *("bank", "telecom", "utility", "insurance", "clinic", "pharmacy", "airline", "hotel"),
    *("retail", "courier", "isp", "rental", "tax", "payroll", "benefits", "mortgage"),
    *("property", "vet", "gym", "streaming", "auto", "university"),
)
# which businesses a segment fits (absent: every business)
FITS: dict[str, tuple[str, ...]] = {
    "seg_appointment": (
        *("clinic", "vet", "auto", "isp", "utility", "telecom", "bank", "mortgage"),
        *("university", "tax", "property", "gym", "pharmacy"),
    ),
    "seg_address": tuple(k for k in KINDS if k not in ("airline", "streaming")),
    "seg_bill": (
        *("utility", "telecom", "isp", "bank", "insurance", "gym", "streaming", "property"),
        *("mortgage", "clinic", "vet", "tax"),
    ),
    "seg_delivery": ("retail", "courier", "pharmacy", "telecom", "isp"),
    "seg_bank_ids": (
        *("bank", "payroll", "benefits", "mortgage", "tax", "property", "insurance", "utility"),
    ),
    "seg_health_ids": ("clinic", "pharmacy", "insurance", "benefits"),
    "seg_national_id": (
        *("bank", "tax", "benefits", "university", "payroll", "telecom", "mortgage", "rental"),
    ),
    "seg_device": ("telecom", "isp", "retail", "streaming"),
    "seg_meter": ("utility",),
    "seg_reservation": ("airline", "hotel", "rental"),
}
# what a caller of each kind of business calls about
REASONS: dict[str, tuple[str, ...]] = {
    "bank": (
        "there's a charge I don't recognize",
        "I need to set up direct deposit",
        "my card got declined",
    ),
    "telecom": ("my bill went up again", "I want to upgrade my phone", "I have no signal at home"),
    "utility": (
        "my bill looks way too high",
        "I'm moving and need to transfer service",
        "I want to set up a payment plan",
    ),
    "insurance": (
        "I need to file a claim",
        "I have a question about my renewal",
        "I want to add a driver",
    ),
    "clinic": (
        "I need to reschedule my appointment",
        "I have a question about a bill",
        "I need my records sent over",
    ),
    "pharmacy": (
        "I'm checking on a refill",
        "my prescription was supposed to be delivered",
        "the insurance didn't go through",
    ),
    "airline": ("I need to change my flight", "my bag didn't arrive", "I want to use my miles"),
    "hotel": (
        "I need to change my booking",
        "I was charged twice for my stay",
        "I left something in the room",
    ),
    "retail": ("my order never showed up", "I want to return something", "I got the wrong item"),
    "courier": (
        "my package says delivered but it's not here",
        "I need to reschedule a delivery",
        "I missed a delivery",
    ),
    "isp": ("my internet keeps dropping", "I need a technician", "I want to cancel"),
    "rental": (
        "I need to extend my rental",
        "I was charged a fee I don't understand",
        "I want to change the pickup",
    ),
    "tax": (
        "I'm checking on my return",
        "I got a letter from the IRS",
        "I need a copy of last year's return",
    ),
    "payroll": ("my paycheck was short", "I need to change my bank details", "I need a W-2"),
    "benefits": (
        "I'm checking on my application",
        "my payment didn't come",
        "I need to report a change",
    ),
    "mortgage": (
        "I want to set up autopay",
        "my escrow went up",
        "I'm asking about a payoff quote",
    ),
    "property": (
        "my rent portal isn't working",
        "I have a maintenance request",
        "I'm asking about my deposit",
    ),
    "vet": (
        "I need to book a checkup for my dog",
        "I'm calling about a bill",
        "I need a refill for my cat's meds",
    ),
    "gym": (
        "I want to cancel my membership",
        "I was charged after I froze my account",
        "I need to update my payment",
    ),
    "streaming": ("I was charged twice this month", "I can't log in", "I want to change my plan"),
    "auto": (
        "I need to book a service",
        "I'm checking if my car's ready",
        "I have a question about the invoice",
    ),
    "university": (
        "I'm checking on my application",
        "I have a question about financial aid",
        "I need a transcript",
    ),
}
KIND_IDS: dict[str, tuple[str, ...]] = {
    "retail": ("order_id", "invoice_number", "reference_number"),
    "courier": ("tracking_number", "order_id", "reference_number"),
    "insurance": ("claim_number", "policy_number", "reference_number"),
    "airline": ("reservation_number", "reference_number", "case_number"),
    "hotel": ("reservation_number", "invoice_number"),
    "rental": ("reservation_number", "invoice_number"),
    "utility": ("account_number", "invoice_number", "case_number"),
    "clinic": ("invoice_number", "reference_number"),
}
