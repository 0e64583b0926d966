"""heldout9's businesses, last third: a wash-and-fold laundry, an arborist, a genealogist, a
dive charter, a pest controller, a grain co-op, a court reporting agency, a hearing centre,
a vehicle ferry."""

from __future__ import annotations

from pii_heldout9_biz import Biz, Ident

LAUNDRY = Biz(
    key="laundry",
    name="Suds & Fold Laundry Co.",
    line="(312) 763-0481",
    fax="(312) 763-0480",
    site="sudsandfold.com",
    mailboxes=("pickup@sudsandfold.com", "hello@sudsandfold.com"),
    other="the dry cleaner we partner with",
    other_line="(312) 942-1175",
    price=(14, 260),
    ids=(
        Ident("bag_tag", "bag tag", "T-####", "bag_tag"),
        Ident("route", "route", "Route ##", "route"),
        Ident("laundry_order", "order", "SF######", "order_no"),
    ),
    greets=(
        "Suds and Fold, wash and fold line. Pickup or a question about an order?",
        "Hi, Suds & Fold Laundry, what can I do for you?",
    ),
    asks=(
        "Hi, my laundry came back with someone else's towels, the bag tag was {key}.",
        "Hey, I want to set up weekly pickup, my bag tag from last time is {key}.",
        "Hello, my bag didn't get picked up, it's tagged {key}.",
    ),
    tool="find_laundry_order",
    talk=(
        "A:Your bag tag is {id:bag_tag}, and you're on {id:route} for Tuesdays.",
        "A:The order weighed {pounds}, so it's billed at the weekly rate.",
        "A:Pickup window is {time} to noon.",
        "A:Your loyalty number is {loyalty}, you've got a free bag coming.",
        "A:Dress shirts go out to {who}, they're on {other}.",
        "A:Weekly wash and fold is {amount} for up to twenty pounds.",
    ),
    pay=(
        "This week's order is {amount}. Which card would you like to keep on file?",
        "The subscription is {amount} a month. Card number when you're ready.",
    ),
    refund=(),
    ssn=(),
    bye=(
        "All set, see you Tuesday. Receipts come from {mailbox}.",
        "Thanks for calling Suds and Fold. Text pickups to {line}.",
    ),
)

ARBOR = Biz(
    key="arbor",
    name="Canopy Line Tree Care",
    line="(864) 271-9935",
    fax="(864) 271-9930",
    site="canopylinetrees.com",
    mailboxes=("estimates@canopylinetrees.com", "crew@canopylinetrees.com"),
    other="the city forester",
    other_line="(864) 467-4350",
    price=(250, 7800),
    ids=(
        Ident("tree_estimate", "estimate", "CL-#####", "estimate"),
        Ident("tree_permit", "removal permit", "TRP-####-###", "permit"),
        Ident("parcel", "parcel number", "###-##-##-###", "parcel"),
    ),
    greets=(
        "Canopy Line Tree Care, this is the office. Estimate, or storm damage?",
        "Canopy Line, good morning. How can I help?",
    ),
    asks=(
        "Hi, you gave us an estimate to take down the dead oak, {key}.",
        "Hello, a limb came down on the fence, I had estimate {key} for pruning.",
        "Hey, calling about the stump grinding, estimate {key}.",
    ),
    tool="find_estimate",
    talk=(
        "A:The oak is about {feet}, so we'll need the crane.",
        "A:The city permit is {id:tree_permit}, signed off by {who} at {other}.",
        "C:The parcel number on the tax bill is {id:parcel}.",
        "A:Removal with stump grinding is {amount}.",
        "A:The crew can come {date}, starting at {time}.",
        "A:It's a {year} permit rule, anything over thirty inches needs one.",
    ),
    pay=(
        "We take a third up front, so {amount}. What card would you like to use?",
        "The storm call was {amount}. I can take a card now.",
    ),
    refund=(),
    ssn=(),
    bye=(
        "You're on the schedule. Photos of the job come from {mailbox}.",
        "Thanks for calling Canopy Line. The storm line is {line}.",
    ),
)

GENEALOGY = Biz(
    key="genealogy",
    name="Rootstock Genealogy Research",
    line="(801) 355-2781",
    fax="(801) 355-2789",
    site="rootstockgenealogy.com",
    mailboxes=("research@rootstockgenealogy.com", "clients@rootstockgenealogy.com"),
    other="the county recorder's vital records desk",
    other_line="(801) 468-3391",
    price=(45, 3200),
    ids=(
        Ident("research_file", "client file", "RG-#####", "file"),
        Ident("dna_kit", "DNA kit", "@@#-####-####", "dna_kit"),
        Ident("certificate", "certificate number", "####-######", "certificate"),
    ),
    greets=(
        "Rootstock Genealogy, research desk. How can I help?",
        "Thank you for calling Rootstock. Are you a current client?",
    ),
    asks=(
        "Hi, you're researching my great grandfather's family, my file is {key}.",
        "Hello, I'd like an update on the Norwegian line, client file {key}.",
        "Hi, I'm calling about the DNA results for file {key}.",
    ),
    tool="find_research_file",
    talk=(
        "C:The DNA kit number is {id:dna_kit}.",
        "A:We found his death certificate, number {id:certificate}, dated {date}.",
        "A:He arrived in {year} through Castle Garden, by the ship's list.",
        "A:The next twenty hours of research are {amount}.",
        "A:We're waiting on {who}, their number is {other}.",
    ),
    pay=(
        "The next research block is {amount}. What card would you like to use?",
        "The certified copies and the translation come to {amount}. Card number please.",
    ),
    refund=(
        "We found less than we hoped in the parish books, so we're refunding part of the "
        "retainer. What's your IBAN?",
    ),
    ssn=(
        "To request his SS-5 application, the form asks for his Social Security number. "
        "Do you have it?",
    ),
    bye=(
        "Thank you. The report goes out from {mailbox}.",
        "Thanks for calling Rootstock. Our research desk is {line}.",
    ),
)

SCUBA = Biz(
    key="scuba",
    name="Coral Sea Dive Charters",
    line="(07) 4051 8832",
    fax="(07) 4051 8830",
    site="coralseadive.com.au",
    mailboxes=("bookings@coralseadive.com.au", "dive@coralseadive.com.au"),
    other="the marina office",
    other_line="(07) 4052 3341",
    price=(89, 2900),
    ids=(
        Ident("dive_booking", "booking", "CSD-#####", "booking"),
        Ident("diver_cert", "certification number", "####@#####", "cert_no"),
        Ident("manifest", "manifest", "MF-####", "manifest"),
    ),
    greets=(
        "Coral Sea Dive Charters, bookings. G'day, how can I help?",
        "Coral Sea Dive, this is the booking office. Are you diving with us?",
    ),
    asks=(
        "Hi, we're booked on the outer reef trip, booking {key}, and I need to add a diver.",
        "Hello, calling about the liveaboard, my booking is {key}.",
        "Hi, I booked two days of diving, booking {key}, but I'm sick.",
    ),
    tool="find_dive_booking",
    talk=(
        "C:My open water certification number is {id:diver_cert}.",
        "A:Boarding is at {time}, from the marina, and you're on manifest {id:manifest}.",
        "A:Water temperature out there is {temp} this week.",
        "A:Parking permits are through {who} on {other}.",
        "A:Two days on the outer reef is {amount} with gear.",
        "A:We moved you to {date}, same boat.",
    ),
    pay=(
        "Adding the extra diver is {amount}. What card would you like to use?",
        "The liveaboard balance is {amount}. Card number whenever you're ready.",
    ),
    refund=(
        "With a medical certificate we refund the trip. Since your bank's overseas, "
        "what's the IBAN?",
    ),
    ssn=(),
    bye=(
        "See you on the boat! The dive briefing comes from {mailbox}.",
        "Thanks for calling Coral Sea Dive. Our office line is {line}.",
    ),
)

PEST = Biz(
    key="pest",
    name="Hollister Pest Control",
    line="(727) 544-3108",
    fax="(727) 544-3100",
    site="hollisterpest.com",
    mailboxes=("service@hollisterpest.com", "termite@hollisterpest.com"),
    other="the county extension office",
    other_line="(727) 582-2100",
    price=(59, 2100),
    ids=(
        Ident("pest_agreement", "service agreement", "SA-#######", "agreement"),
        Ident("termite_bond", "termite bond", "TB-######", "bond"),
        Ident("epa_reg", "EPA registration number", "####-###", "epa_reg_no"),
    ),
    greets=(
        "Hollister Pest Control, service line. What are we dealing with?",
        "Good morning, Hollister Pest. How can I help?",
    ),
    asks=(
        "Hi, we've got ants in the kitchen again, the service agreement is {key}.",
        "Hello, I'm selling the house and need the termite bond moved, agreement {key}.",
        "Hey, calling about my quarterly spray, agreement {key}.",
    ),
    tool="find_agreement",
    talk=(
        "A:The bait we use is EPA registration {id:epa_reg}, it's pet safe once dry.",
        "A:Your termite bond {id:termite_bond} renews on {date}.",
        "A:The tech can come at {time} tomorrow.",
        "A:The bond renewal is {amount}.",
        "A:For the bee swarm you'd call {who} at {other}, we don't do bees.",
        "A:We treated about {feet} of perimeter last visit.",
    ),
    pay=(
        "The bond renewal is {amount}. What card would you like to use?",
        "The extra ant treatment is {amount}. Card number please.",
    ),
    refund=(),
    ssn=(),
    bye=(
        "You're on the route. The service report comes from {mailbox}.",
        "Thanks for calling Hollister. Our service line is {line}.",
    ),
)

GRAIN = Biz(
    key="grain",
    name="Prairie Gold Grain Co-op",
    line="(785) 263-1742",
    fax="(785) 263-1740",
    site="prairiegoldcoop.com",
    mailboxes=("scale@prairiegoldcoop.com", "patronage@prairiegoldcoop.com"),
    other="the county FSA office",
    other_line="(785) 263-2141",
    price=(300, 86000),
    ids=(
        Ident("patron", "patron number", "P-#####", "patron_no"),
        Ident("scale_ticket", "scale ticket", "#######", "scale_ticket"),
        Ident("grain_contract", "contract", "C-######", "contract"),
    ),
    greets=(
        "Prairie Gold Co-op, scale house. What can I do for you?",
        "Prairie Gold Grain, office. Are you a patron?",
    ),
    asks=(
        "Hi, I hauled wheat in yesterday and I want to check the settlement, patron {key}.",
        "Hello, it's about my patronage check, patron number {key}.",
        "Hey, I need to set up a forward contract, I'm patron {key}.",
    ),
    tool="find_patron",
    talk=(
        "A:Scale ticket {id:scale_ticket} shows {pounds} net.",
        "A:Contract {id:grain_contract} is for five thousand bushels at delivery in {date}.",
        "A:Moisture on that load was {pct}, so there's a small shrink.",
        "A:Your settlement comes to {amount} after drying.",
        "A:For the farm number you'd check with {who}, that's {other}.",
        "A:The elevator's open till {time} during harvest.",
    ),
    pay=(
        "The seed and fertilizer on account is {amount}. Do you want to pay that by card?",
        "The drying charge is {amount}. What card would you like to use?",
    ),
    refund=(),
    ssn=(
        "For the patronage dividend we need a W-9 on file, so I'll need your Social Security "
        "number.",
    ),
    bye=(
        "Thanks, drive safe. Settlements come from {mailbox}.",
        "Bye now. The scale house is {line} during harvest.",
    ),
)

COURT = Biz(
    key="court",
    name="Verbatim Bay Court Reporting",
    line="(415) 986-2270",
    fax="(415) 986-2279",
    site="verbatimbay.com",
    mailboxes=("scheduling@verbatimbay.com", "transcripts@verbatimbay.com"),
    other="the opposing firm's paralegal",
    other_line="(415) 392-6604",
    price=(150, 5600),
    ids=(
        Ident("depo_job", "job number", "VB-######", "job_no"),
        Ident("court_case", "case number", "#:##-cv-#####", "case_no"),
        Ident("transcript_invoice", "invoice", "################", "invoice"),
        Ident("page_count", "page count", "### pages", "pages"),
    ),
    greets=(
        "Verbatim Bay Court Reporting, scheduling. How may I help you?",
        "Verbatim Bay, good morning. Booking a reporter or ordering a transcript?",
    ),
    asks=(
        "Hi, I need an expedited transcript of a deposition, job {key}.",
        "Hello, I'm a freelance reporter and I'm calling about my first assignment, job {key}.",
        "Hi, I'm calling from the law office about the deposition job {key}.",
    ),
    tool="find_depo_job",
    talk=(
        "A:That's case {id:court_case}, the deposition of the plant manager.",
        "A:The invoice {id:transcript_invoice} is for {amount}, expedited.",
        "A:The deposition starts at {time} on {date}.",
        "A:The exhibit list came from {who}, their direct line is {other}.",
        "A:The transcript ran to {id:page_count}, with the exhibits.",
    ),
    pay=(
        "The expedited transcript is {amount}. What card would you like to use?",
        "The rough draft plus the certified copy is {amount}. Card number please.",
    ),
    refund=(
        "We double billed the overseas firm, so we'll wire back the duplicate. What's the IBAN?",
    ),
    ssn=(
        "For freelance reporters we need a W-9 before the first payout, so I'll need your "
        "Social Security number.",
    ),
    bye=(
        "Thank you. The transcript will come from {mailbox}.",
        "Thanks for calling Verbatim Bay. Scheduling is {line}.",
    ),
)

HEARING = Biz(
    key="hearing",
    name="ClearTone Hearing Center",
    line="(616) 942-5580",
    fax="(616) 942-5589",
    site="cleartonehearing.com",
    mailboxes=("appointments@cleartonehearing.com", "repairs@cleartonehearing.com"),
    other="the manufacturer's repair lab",
    other_line="(616) 459-3327",
    price=(8, 6200),
    ids=(
        Ident("patient_id", "patient number", "CT-######", "patient_id"),
        Ident("aid_serial", "hearing aid serial", "9#########", "device_serial"),
        Ident("npi", "provider number", "1#########", "provider_npi"),
    ),
    greets=(
        "ClearTone Hearing Center, this is the front desk. How can I help?",
        "ClearTone Hearing, good afternoon. Appointments or repairs?",
    ),
    asks=(
        "Hi, my left hearing aid keeps whistling, my patient number is {key}.",
        "Hello, I'm calling for my father, he's a patient, number {key}.",
        "Hi, I need more batteries and a cleaning, patient {key}.",
    ),
    tool="find_patient",
    talk=(
        "C:The serial on the left one is {id:aid_serial}.",
        "A:Dr. Oyelowo's provider number for the insurance is {id:npi}.",
        "A:It's going to {who}, about ten days; they're on {other} if you want to track it.",
        "A:The new pair is {amount} after the insurance benefit.",
        "A:Your hearing test is {date} at {time}.",
    ),
    pay=(
        "The repair outside warranty is {amount}. What card would you like to use?",
        "The battery subscription is {amount} a year. Card number when ready.",
    ),
    refund=(),
    ssn=("The insurance plan still files by Social Security number. Can I have the patient's?",),
    bye=(
        "You're all set. Reminders come from {mailbox}.",
        "Thanks for calling ClearTone. Our front desk is {line}.",
    ),
)

FERRY = Biz(
    key="ferry",
    name="Sound of Sleat Ferries",
    line="01471 844 210",
    fax="01471 844 219",
    site="sleatferries.co.uk",
    mailboxes=("bookings@sleatferries.co.uk", "pier@sleatferries.co.uk"),
    other="the Armadale pier office",
    other_line="01471 844 375",
    price=(18, 420),
    ids=(
        Ident("ferry_booking", "booking reference", "SSF-@@@###", "booking_ref"),
        Ident("uk_plate", "registration", "@@## @@@", "vehicle_reg"),
        Ident("sailing", "sailing", "Sailing ##", "sailing"),
    ),
    greets=(
        "Sound of Sleat Ferries, vehicle bookings. How can I help?",
        "Hello, Sleat Ferries booking office. Travelling with a vehicle?",
    ),
    asks=(
        "Hi, I've booked the car on the morning crossing, reference {key}, I need to change it.",
        "Hello, we're on the ferry Saturday, booking {key}, and we're towing a caravan now.",
        "Hi, calling about booking {key}, is the crossing running in this wind?",
    ),
    tool="find_crossing",
    talk=(
        "C:The car registration is {id:uk_plate}.",
        "A:You're on {id:sailing}, departing at {time}.",
        "A:With the caravan you're over seven metres, so it's the long vehicle fare, {amount}.",
        "A:The crossing is {amount} each way.",
        "A:Cancellations are posted by {who}, phone {other}.",
        "A:I've moved you to {date}, same sailing time.",
    ),
    pay=(
        "The difference for the caravan is {amount}. What card would you like to use?",
        "The return crossing is {amount}. Card number please.",
    ),
    refund=("As the sailing was cancelled, we'll refund to your bank. What's the IBAN?",),
    ssn=(),
    bye=(
        "Thanks, enjoy Skye. Sailing updates come from {mailbox}.",
        "Thanks for calling Sleat Ferries. The pier office is {line}.",
    ),
    cur="£",
    cur_word="pounds",
)

BUSINESSES = (LAUNDRY, ARBOR, GENEALOGY, SCUBA, PEST, GRAIN, COURT, HEARING, FERRY)
