"""heldout9's businesses, first third: a piano restorer, a beekeepers' co-op, a taxidermist,
a boarding stable, a pet crematorium, a tattoo studio, a chimney sweep, a balloon operator."""

from __future__ import annotations

from pii_heldout9_biz import Biz, Ident

PIANO = Biz(
    key="piano",
    name="Hartwell Piano Works",
    line="(541) 382-7710",
    fax="(541) 382-7719",
    site="hartwellpianoworks.com",
    mailboxes=("shop@hartwellpianoworks.com", "tuning@hartwellpianoworks.com"),
    other="Keystone Piano Movers",
    other_line="(541) 617-2243",
    price=(95, 6400),
    ids=(
        Ident("work_order", "work order", "HPW-#####", "work_order"),
        Ident("piano_serial", "serial number", "9#####", "piano_serial"),
        Ident("estimate", "estimate", "EST-####", "estimate_no"),
    ),
    greets=(
        "Hartwell Piano Works, this is the scheduling desk, how can I help?",
        "Good morning, Hartwell Piano Works. Are you calling about a tuning or the shop?",
    ),
    asks=(
        "Hi, I'm calling about the restringing on our upright, the work order is {key}.",
        "Yeah, the technician left a slip after the pitch raise and it says {key} on top.",
        "Hello, my grand is in your shop for new hammers, I think the ticket was {key}.",
    ),
    tool="find_work_order",
    talk=(
        "A:The action regulation is booked for {date}, and the tuner arrives around {time}.",
        "C:It's a Mason and Hamlin, the serial inside the plate reads {id:piano_serial}.",
        "A:Keystone Piano Movers will collect it, their dispatcher is on {other}.",
        "A:The estimate {id:estimate} came to {amount} with the bass strings.",
        "C:The piano was built around {year}, so the pin block might be shot.",
        "A:Our humidity check read {pct} in the room, which is why it drifted.",
    ),
    pay=(
        "The deposit to start the rebuild is {amount}. I can take a card over the phone.",
        "There's {amount} left on the work order after the hammers. Which card would you like?",
    ),
    refund=(
        "Since you're overseas now, we'll send the deposit back by bank transfer. "
        "What's the IBAN on the account?",
    ),
    ssn=("For the rebuild financing, the lender needs your Social Security number on the form.",),
    bye=(
        "You're all set with Hartwell. If the pitch slips again, call the shop on {line}.",
        "Thanks for calling Hartwell Piano Works. The care sheet is on {site}.",
    ),
)

APIARY = Biz(
    key="apiary",
    name="Cedar Hollow Beekeepers' Co-op",
    line="(802) 295-4418",
    fax="(802) 295-4410",
    site="cedarhollowbees.org",
    mailboxes=("orders@cedarhollowbees.org", "honeyhouse@cedarhollowbees.org"),
    other="the state apiary inspector",
    other_line="(802) 828-2431",
    price=(18, 900),
    ids=(
        Ident("coop_member", "member number", "CH-####", "member_no"),
        Ident("nuc_order", "nuc order", "NUC-######", "nuc_order"),
        Ident("apiary_reg", "apiary registration", "AR-#####-##", "apiary_reg"),
    ),
    greets=(
        "Cedar Hollow Beekeepers, honey house line. What can I do for you?",
        "Hi there, you've reached the Cedar Hollow co-op. Bee orders or honey buyback?",
    ),
    asks=(
        "Hi, I've got five frame nucs on order and I wanted to check pickup, it's {key}.",
        "Hey, I'm a member, {key}, and I need to rent the extractor this weekend.",
        "Morning, it's about my package bees, the member number's {key} I believe.",
    ),
    tool="lookup_member",
    talk=(
        "A:Nuc pickup is {date} between {time} and noon at the honey house.",
        "C:My apiary registration with the state is {id:apiary_reg}.",
        "A:We weighed in {pounds} of your spring honey, paid at the co-op rate.",
        "A:For the mite inspection you'd call {who} on {other}.",
        "C:I run about {id:nuc_order} worth of boxes, no wait, that's the order, sorry.",
        "A:The extractor rental is {amount} a day with the uncapping tank.",
    ),
    pay=(
        "The balance on the nucs is {amount}. What card shall I put that on?",
        "Extractor rental plus the wax exchange comes to {amount}. Card number when ready.",
    ),
    refund=(),
    ssn=(
        "Because the co-op pays you over six hundred for the honey buyback, we need a W-9, "
        "so I'll need your Social Security number.",
    ),
    bye=(
        "Thanks, see you at the honey house. Orders can also go to {mailbox}.",
        "Bye now. The swarm hotline is {line} if anything comes up.",
    ),
)

TAXIDERMY = Biz(
    key="taxidermy",
    name="Bramble & Tine Taxidermy",
    line="(406) 761-3390",
    fax="(406) 761-3392",
    site="brambleandtine.com",
    mailboxes=("studio@brambleandtine.com", "trophies@brambleandtine.com"),
    other="Big Sky Cold Storage",
    other_line="(406) 454-0127",
    price=(150, 3800),
    ids=(
        Ident("job_ticket", "job ticket", "BT-####", "job_ticket"),
        Ident("harvest_tag", "harvest tag", "9########", "harvest_tag"),
        Ident("cites_permit", "CITES permit", "##US######/9", "cites_permit"),
    ),
    greets=(
        "Bramble and Tine, this is the front counter. Dropping off or checking on a mount?",
        "Bramble & Tine Taxidermy, good afternoon. How can I help you?",
    ),
    asks=(
        "Hey, I brought in a mule deer for a shoulder mount, ticket's {key}.",
        "Calling to check on my European mount, the job ticket was {key}.",
        "Hi, my brother dropped off my elk cape, he said the ticket is {key}.",
    ),
    tool="find_job",
    talk=(
        "C:The harvest tag number on the antler is {id:harvest_tag}.",
        "A:For the import we need the CITES permit, which I have as {id:cites_permit}.",
        "A:The cape's in the freezer at {who}, {other}, they're open till five.",
        "A:The shipping crate for the elk alone weighs {pounds}.",
        "A:The mount should be ready by {date}, and pickup is after {time}.",
        "C:It's the buck I got {date}, up past the Smith River.",
    ),
    pay=(
        "The deposit on a shoulder mount is half, so {amount}. What card would you like?",
        "The balance for the finished mount is {amount}. I can run a card now.",
    ),
    refund=(
        "We can't ship the mount to you without the export paperwork, so we'll refund "
        "the deposit. What's your IBAN?",
    ),
    ssn=(),
    bye=(
        "Thanks for calling Bramble and Tine. Photos of the mount go out from {mailbox}.",
        "Take care, and good luck this season. Our shop line is {line}.",
    ),
)

STABLE = Biz(
    key="stable",
    name="Windrow Equestrian Center",
    line="(859) 253-6604",
    fax="(859) 253-6609",
    site="windrowequestrian.com",
    mailboxes=("barn@windrowequestrian.com", "lessons@windrowequestrian.com"),
    other="Dr. Amaral's equine practice",
    other_line="(859) 231-8852",
    price=(45, 1450),
    ids=(
        Ident("boarding_acct", "boarding account", "WEC-#####", "boarding_acct"),
        Ident("ueln", "horse passport number", "840############", "ueln"),
        Ident("coggins", "Coggins accession", "#######", "coggins_accession"),
    ),
    greets=(
        "Windrow Equestrian, barn office. Is this about boarding or lessons?",
        "Thanks for calling Windrow, this is the barn manager's line.",
    ),
    asks=(
        "Hi, my mare is boarded with you and I wanted to ask about the invoice, it's {key}.",
        "Hello, I'm calling about the stall for my gelding, the account number is {key}.",
        "Hey, the farrier bill is on my boarding account, {key}.",
    ),
    tool="get_boarding_account",
    talk=(
        "C:Her passport number, the UELN, is {id:ueln}.",
        "A:The Coggins came back negative, accession {id:coggins}, dated {date}.",
        "A:The vet on call is {who}, reachable at {other}.",
        "A:Full board is {amount} a month, and she's in the corner stall on the east aisle.",
        "A:Turnout starts at {time}, and hay is about {pounds} a week for her.",
        "C:She was foaled in {year}, so she's no spring chicken.",
    ),
    pay=(
        "This month's board plus the farrier comes to {amount}. Card number when you're ready.",
        "The lesson package is {amount}. Which card do you want on file?",
    ),
    refund=(
        "Since the mare is going back to Europe, we'll return the stall deposit. "
        "Can I get your IBAN?",
    ),
    ssn=(),
    bye=(
        "Thanks for calling Windrow. The lesson calendar is on {site}.",
        "Bye for now. The barn phone after hours is {line}.",
    ),
)

PETCREM = Biz(
    key="petcrem",
    name="Gentle Passage Pet Cremation",
    line="(614) 488-2675",
    fax="(614) 488-2670",
    site="gentlepassagepets.com",
    mailboxes=("care@gentlepassagepets.com", "memorials@gentlepassagepets.com"),
    other="Olentangy Animal Hospital",
    other_line="(614) 261-0090",
    price=(85, 640),
    ids=(
        Ident("care_case", "case number", "GP-#####", "case_no"),
        Ident("microchip", "microchip number", "985############", "microchip"),
        Ident("urn_order", "urn order", "URN-####", "urn_order"),
    ),
    greets=(
        "Gentle Passage Pet Cremation, I'm so sorry for your loss. How can I help today?",
        "Gentle Passage, this is the care line. Take your time.",
    ),
    asks=(
        "Hi, our dog was brought over from the vet yesterday, they gave me {key}.",
        "Hello, I'm calling about the private cremation for our cat, the case is {key}.",
        "Um, hi, the clinic said to call you, they wrote {key} on the paper.",
    ),
    tool="find_care_case",
    talk=(
        "A:His microchip read {id:microchip}, so we know it's him.",
        "A:The clinic that referred you is {who}; their front desk is {other}.",
        "A:The cedar urn is {amount}, the paw print keepsake is included.",
        "A:The ashes will be ready on {date}, after {time}.",
        "C:She was with us since {year}, almost fourteen years.",
        "A:The urn order is {id:urn_order}, engraved with her name.",
    ),
    pay=(
        "Private cremation with the cedar urn is {amount}. I can take a card when you're ready.",
        "The balance is {amount}. Would you like to use a card?",
    ),
    refund=(),
    ssn=(),
    bye=(
        "Again, we're very sorry. Photos for the memorial page can go to {mailbox}.",
        "Take care of yourself. You can reach the care line on {line} any time.",
    ),
)

TATTOO = Biz(
    key="tattoo",
    name="Ironleaf Tattoo Collective",
    line="(503) 236-9184",
    fax="(503) 236-9180",
    site="ironleaftattoo.com",
    mailboxes=("bookings@ironleaftattoo.com", "front@ironleaftattoo.com"),
    other="Ironleaf's piercing studio next door",
    other_line="(503) 236-4471",
    price=(80, 1800),
    ids=(
        Ident("tattoo_booking", "booking", "IL-####", "booking"),
        Ident("consent_form", "consent form", "CF-######", "consent_form"),
        Ident("deposit_receipt", "deposit receipt", "R#######", "receipt"),
    ),
    greets=(
        "Ironleaf Tattoo, front desk. Booking, touch-up, or a question for an artist?",
        "Hey, Ironleaf Tattoo Collective. What can we do for you?",
    ),
    asks=(
        "Hey, I have a half sleeve session with Mara, booking {key}, and I need to move it.",
        "Hi, I put down a deposit for a fine line piece, the booking was {key}.",
        "Yo, calling about my touch-up, it's under {key}.",
    ),
    tool="find_booking",
    talk=(
        "A:Your consent form on file is {id:consent_form}, signed {date}.",
        "A:The session's at {time}, and she blocks about four hours for a half sleeve.",
        "C:The deposit receipt says {id:deposit_receipt}.",
        "A:Piercings are booked separately with {who} at {other}.",
        "A:Her hourly rate is {amount}, the deposit comes off the last session.",
    ),
    pay=(
        "To hold the new date we need a deposit of {amount}. What card should I use?",
        "Your remaining balance after the deposit is {amount}. Card number please.",
    ),
    refund=(
        "Deposits are refundable when the artist cancels, so we'll wire it back. What's the IBAN?",
    ),
    ssn=(),
    bye=(
        "You're booked. Send reference pictures to {mailbox}.",
        "Thanks for calling Ironleaf. Aftercare instructions are on {site}.",
    ),
)

CHIMNEY = Biz(
    key="chimney",
    name="Sootworks Chimney Sweep",
    line="(207) 774-3020",
    fax="(207) 774-3029",
    site="sootworkschimney.com",
    mailboxes=("schedule@sootworkschimney.com", "office@sootworkschimney.com"),
    other="Casco Masonry",
    other_line="(207) 797-5531",
    price=(129, 4200),
    ids=(
        Ident("sweep_job", "job number", "SW-######", "job_no"),
        Ident("liner_warranty", "liner warranty", "LW-########", "liner_warranty"),
        Ident("inspection", "inspection report", "L2-#####", "inspection_report"),
    ),
    greets=(
        "Sootworks Chimney, office. Are you calling to book a sweep?",
        "Good afternoon, Sootworks Chimney Sweep, how can I help?",
    ),
    asks=(
        "Hi, you swept our wood stove flue last fall and I got a report, {key} at the top.",
        "Hello, I'm calling about the cap install, the job number is {key}.",
        "Hey, the tech said the liner's cracked, I've got job {key} here.",
    ),
    tool="find_sweep_job",
    talk=(
        "A:The level two inspection, report {id:inspection}, found a cracked flue tile.",
        "A:Your stainless liner is under warranty {id:liner_warranty}.",
        "A:For the crown repair we'd send you to {who}, call them on {other}.",
        "A:The liner job runs {amount} installed, for about thirty feet of pipe.",
        "A:We can do {date}, the crew arrives between {time} and noon.",
        "C:The house was built in {year} and the chimney's original.",
    ),
    pay=(
        "The sweep and the cap come to {amount}. I can take a card now to book it.",
        "We take a deposit of {amount} for liner jobs. What card would you like to use?",
    ),
    refund=(),
    ssn=(),
    bye=(
        "You're on the schedule. The confirmation comes from {mailbox}.",
        "Thanks for calling Sootworks, stay warm. Office line is {line}.",
    ),
)

BALLOON = Biz(
    key="balloon",
    name="Skyhook Balloon Flights",
    line="(505) 884-6251",
    fax="(505) 884-6250",
    site="skyhookballoons.com",
    mailboxes=("flights@skyhookballoons.com", "crew@skyhookballoons.com"),
    other="Sandia Shuttle",
    other_line="(505) 243-3244",
    price=(189, 2400),
    ids=(
        Ident("flight_booking", "booking reference", "SKY-@@####", "booking_ref"),
        Ident("gift_voucher", "gift voucher", "GV-####-####", "voucher"),
        Ident("tail_number", "tail number", "N###@@", "aircraft"),
    ),
    greets=(
        "Skyhook Balloon Flights, reservations. Are you booking a sunrise flight?",
        "Good morning from Skyhook Balloons! How can I help?",
    ),
    asks=(
        "Hi, we're booked for the sunrise flight and the wind forecast looks bad, it's {key}.",
        "Hello, my husband booked us a flight for my birthday, the reference is {key}.",
        "Hi, calling about our balloon ride, the booking reference is {key}.",
    ),
    tool="get_flight_booking",
    talk=(
        "A:Launch is at {time}, meet at the field about forty minutes before.",
        "A:For the basket we need weights, yours was {pounds}, is that right?",
        "A:You'll be in the big balloon, registration {id:tail_number}.",
        "A:Shuttles from the hotel are run by {who}, {other}.",
        "A:We rescheduled you to {date}, same launch time.",
        "C:The voucher number is {id:gift_voucher}, it was a birthday present.",
    ),
    pay=(
        "Two seats on the sunrise flight is {amount}. Which card would you like to use?",
        "The upgrade to the private basket is {amount}. Card number when you're ready.",
    ),
    refund=(
        "Weather cancellations are refunded in full. Since your bank is abroad, "
        "can I have the IBAN?",
    ),
    ssn=(),
    bye=(
        "See you at the launch field! Directions are on {site}.",
        "Thanks for flying with Skyhook. Text the crew on {line} on the day.",
    ),
)

BUSINESSES = (PIANO, APIARY, TAXIDERMY, STABLE, PETCREM, TATTOO, CHIMNEY, BALLOON)
