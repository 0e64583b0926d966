"""heldout9's businesses, second third: an escape room, a sail loft, a clock repairer, an
archery range, an ice arena, a vineyard's wine club, a well driller, a band instrument renter."""

from __future__ import annotations

from pii_heldout9_biz import Biz, Ident

ESCAPE = Biz(
    key="escape",
    name="Lockbox Escape Rooms",
    line="(615) 340-2917",
    fax="(615) 340-2910",
    site="lockboxescape.com",
    mailboxes=("gamemaster@lockboxescape.com", "events@lockboxescape.com"),
    other="the Gulch parking garage",
    other_line="(615) 255-6713",
    price=(28, 1200),
    ids=(
        Ident("escape_booking", "booking code", "LB######", "booking_code"),
        Ident("room_code", "room", "ROOM-##", "room"),
        Ident("team_invoice", "corporate invoice", "INV-#####", "invoice_no"),
    ),
    greets=(
        "Lockbox Escape Rooms, this is your game master speaking. How can I help?",
        "Hi, Lockbox Escape! Are you booking a room or changing one?",
    ),
    asks=(
        "Hi, I booked the Pharaoh's Vault for my team, code {key}, and we have two more people.",
        "Hey, we've got a birthday group on Saturday, the booking code's {key}.",
        "Hello, calling for my company's team outing, booking {key}.",
    ),
    tool="lookup_escape_booking",
    talk=(
        "A:You're in {id:room_code}, the Pharaoh's Vault, at {time}.",
        "A:It's {amount} a player on weekends, up to eight players.",
        "A:Parking validation is with {who}, their office is {other}.",
        "A:I'll put the corporate invoice {id:team_invoice} together for your accounts team.",
        "C:Last time we got out with four minutes left on the clock.",
        "A:Your date is {date}, please arrive fifteen minutes early for the briefing.",
    ),
    pay=(
        "For the two extra players it's {amount}. What card would you like to use?",
        "To confirm the private booking there's a deposit of {amount}. Card number please.",
    ),
    refund=(),
    ssn=(),
    bye=(
        "See you in the vault! Team photos come from {mailbox}.",
        "Thanks for calling Lockbox. Room descriptions are on {site}.",
    ),
)

SAIL = Biz(
    key="sail",
    name="Gullwing Sail Loft",
    line="(410) 268-5540",
    fax="(410) 268-5549",
    site="gullwingsails.com",
    mailboxes=("loft@gullwingsails.com", "quotes@gullwingsails.com"),
    other="Back Creek Rigging",
    other_line="(410) 263-8831",
    price=(140, 9800),
    ids=(
        Ident("sail_quote", "quote number", "Q-######", "quote"),
        Ident("sail_number", "sail number", "USA #####", "sail_no"),
        Ident("hull_id", "hull ID", "@@@#####@###", "hin"),
    ),
    greets=(
        "Gullwing Sail Loft, good morning. New sails, repairs, or canvas?",
        "Gullwing Sails, this is the loft. How can I help?",
    ),
    asks=(
        "Hi, I had a quote for a new mainsail, {key}, and I'd like to go ahead.",
        "Hello, my genoa's in for UV cover repair, the quote was {key}.",
        "Hey, calling about the dodger and bimini, quote {key}.",
    ),
    tool="find_sail_quote",
    talk=(
        "C:The sail number on the main is {id:sail_number}.",
        "C:The hull ID off the transom is {id:hull_id}.",
        "A:The luff measures {feet} on the drawing, which matches your rig.",
        "A:For the furler you'd talk to {who} on {other}.",
        "A:It'll be cut by {date}, and we can drop it at the dock at {time}.",
        "A:Laminate adds {amount} over the Dacron.",
    ),
    pay=(
        "We take half to start cutting, which is {amount}. What card would you like to use?",
        "The repair came to {amount}. I can run a card for you now.",
    ),
    refund=("We're refunding the overpayment on the quote by transfer. What's your IBAN?",),
    ssn=(),
    bye=(
        "Fair winds. Photos of the sail in the loft come from {mailbox}.",
        "Thanks for calling Gullwing. Our loft line is {line}.",
    ),
)

CLOCK = Biz(
    key="clock",
    name="Ansonia Street Clock Repair",
    line="(860) 527-3396",
    fax="(860) 527-3390",
    site="ansoniaclockrepair.com",
    mailboxes=("bench@ansoniaclockrepair.com", "shipping@ansoniaclockrepair.com"),
    other="Hartford Fine Art Shipping",
    other_line="(860) 296-1182",
    price=(75, 2600),
    ids=(
        Ident("repair_ticket", "repair ticket", "9##-###-####", "ticket"),
        Ident("movement_serial", "movement number", "######", "movement"),
        Ident("appraisal", "appraisal", "APR-####", "appraisal"),
    ),
    greets=(
        "Ansonia Street Clock Repair, this is the bench. How can I help?",
        "Clock repair, good afternoon. Is this about a clock we have in?",
    ),
    asks=(
        "Hi, I left a grandfather clock movement with you, the repair ticket is {key}.",
        "Hello, you're cleaning my mantel clock, ticket {key}.",
        "Hi, my mother's cuckoo clock, I've got ticket {key} from you.",
    ),
    tool="find_repair_ticket",
    talk=(
        "A:The movement is stamped {id:movement_serial}, a Hermle from about {year}.",
        "A:The mainspring was replaced, that's {amount} in parts.",
        "A:The appraisal for insurance is {id:appraisal}.",
        "A:We ship through {who}, they crate it properly, their line is {other}.",
        "A:It's been running on the test stand since {date}, losing about a minute a week.",
        "C:It strikes at {time} when it should be striking noon.",
    ),
    pay=(
        "The overhaul and the new suspension spring come to {amount}. Which card?",
        "With crating and shipping it's {amount}. I can take the card now.",
    ),
    refund=("We couldn't source the chime rods, so we're refunding that part. What's your IBAN?",),
    ssn=(),
    bye=(
        "Thanks for calling the bench. The shipping notice comes from {mailbox}.",
        "Bye now. The shop is on {line} if it stops again.",
    ),
)

ARCHERY = Biz(
    key="archery",
    name="Fletcher's Mark Archery Range",
    line="(720) 406-8813",
    fax="(720) 406-8810",
    site="fletchersmark.com",
    mailboxes=("range@fletchersmark.com", "youth@fletchersmark.com"),
    other="the county parks office",
    other_line="(720) 523-6450",
    price=(12, 650),
    ids=(
        Ident("range_member", "membership number", "9#########", "membership"),
        Ident("lane", "lane", "Lane ##", "lane"),
        Ident("bow_serial", "bow serial", "@@########", "bow_serial"),
    ),
    greets=(
        "Fletcher's Mark, range desk. Are you booking a lane?",
        "Thanks for calling Fletcher's Mark Archery. How can I help?",
    ),
    asks=(
        "Hi, I want to renew my range membership, the number is {key}.",
        "Hello, my son is in the youth league, membership {key}.",
        "Hey, I'm a member, {key}, and I need a lane Thursday night.",
    ),
    tool="find_range_member",
    talk=(
        "A:I have you in {id:lane} at {time}, that's the twenty yard side.",
        "C:The bow's serial is {id:bow_serial}, it's a compound.",
        "A:The 3D course permit comes from {who}, phone {other}.",
        "A:Annual membership is {amount}, youth league adds a bit.",
        "A:Your membership runs through {date}.",
        "C:I usually shoot the {time} league, if that helps.",
    ),
    pay=(
        "The renewal is {amount}. What card should I put it on?",
        "The youth league fee is {amount}. Go ahead with the card number.",
    ),
    refund=(),
    ssn=(
        "Volunteer coaches in the youth league need a background check, "
        "so I'll need your Social Security number.",
    ),
    bye=(
        "You're all set. League updates come from {mailbox}.",
        "Thanks for calling Fletcher's Mark. Range hours are on {site}.",
    ),
)

ICERINK = Biz(
    key="icerink",
    name="Glacier Gardens Ice Arena",
    line="(204) 889-4410",
    fax="(204) 889-4419",
    site="glaciergardensarena.ca",
    mailboxes=("icetime@glaciergardensarena.ca", "skate@glaciergardensarena.ca"),
    other="the Assiniboine minor hockey association",
    other_line="(204) 837-5530",
    price=(15, 4800),
    ids=(
        Ident("ice_contract", "ice contract", "IC-#####", "contract"),
        Ident("skater_id", "Skate Canada number", "#######", "skate_canada_no"),
        Ident("locker", "locker", "L-###", "locker"),
    ),
    greets=(
        "Glacier Gardens Ice Arena, front office. Ice time or programs?",
        "Good evening, Glacier Gardens arena. How can I help?",
    ),
    asks=(
        "Hi, we rent ice for our rec hockey team, the contract is {key}.",
        "Hello, my daughter's in learn to skate, and I have contract {key} for the lesson block.",
        "Hey, I'm calling about the ice contract {key}, we need to add a Tuesday.",
    ),
    tool="find_ice_contract",
    talk=(
        "A:Your ice slot is {time} on Sundays, rink two.",
        "C:Her Skate Canada number is {id:skater_id}.",
        "A:The locker {id:locker} is yours for the season.",
        "A:Prime time ice is {amount} an hour this season.",
        "A:The tournament is run by {who}, call {other}.",
        "A:The ice goes in on {date}, so the first slot is that week.",
    ),
    pay=(
        "The first installment on the contract is {amount}. What card would you like to use?",
        "The lesson block is {amount}. Card number when you're ready.",
    ),
    refund=(),
    ssn=(),
    bye=(
        "Thanks, see you on the ice. Schedules come from {mailbox}.",
        "Bye now. The rink office is {line}.",
    ),
    cur="$",
)

WINE = Biz(
    key="wine",
    name="Sawtooth Ridge Vineyard Wine Club",
    line="(208) 467-1198",
    fax="(208) 467-1190",
    site="sawtoothridgewine.com",
    mailboxes=("club@sawtoothridgewine.com", "tastingroom@sawtoothridgewine.com"),
    other="our shipping partner",
    other_line="(208) 345-7702",
    price=(24, 780),
    ids=(
        Ident("wine_member", "club number", "WC-#######", "club_no"),
        Ident("wine_order", "order number", "SR-########", "order"),
        Ident("allocation", "allocation", "ALLOC-####", "allocation"),
    ),
    greets=(
        "Sawtooth Ridge wine club, this is Dana. How can I help?",
        "Thanks for calling Sawtooth Ridge Vineyard. Club or tasting room?",
    ),
    asks=(
        "Hi, I'm a club member, {key}, and I want to skip the fall shipment.",
        "Hello, my club shipment came with a broken bottle, my number is {key}.",
        "Hey, I'd like to change my club level, the club number is {key}.",
    ),
    tool="find_club_member",
    talk=(
        "A:The fall release ships {date}, and someone over 21 has to sign.",
        "A:Order {id:wine_order} went out with {usps}.",
        "A:Your allocation {id:allocation} is six bottles of the reserve syrah.",
        "A:Club members get {pct} off in the tasting room.",
        "A:The reserve tier is {amount} a shipment.",
        "C:It's the {year} vintage I want more of.",
    ),
    pay=(
        "The fall shipment is {amount} with shipping. Which card would you like to use?",
        "Upgrading to reserve is {amount} per release. What's the card?",
    ),
    refund=(
        "We can't ship wine to your new country, so we'll refund the shipment by bank "
        "transfer. What's the IBAN?",
    ),
    ssn=(),
    bye=(
        "Cheers, and thanks for being a member. Club notes come from {mailbox}.",
        "Thanks for calling Sawtooth Ridge. The tasting room line is {line}.",
    ),
)

WELL = Biz(
    key="well",
    name="Deep Rock Well Drilling",
    line="(919) 542-6627",
    fax="(919) 542-6620",
    site="deeprockwells.com",
    mailboxes=("office@deeprockwells.com", "service@deeprockwells.com"),
    other="the county environmental health office",
    other_line="(919) 542-8208",
    price=(180, 18500),
    ids=(
        Ident("well_job", "job number", "DR-#####", "job"),
        Ident("well_permit", "well permit", "WP-####-#####", "permit"),
        Ident("pump_serial", "pump serial", "##########@", "pump_serial"),
    ),
    greets=(
        "Deep Rock Well Drilling, this is the office. Drilling or a pump service call?",
        "Deep Rock Wells, good morning. How can I help?",
    ),
    asks=(
        "Hi, you drilled our well last spring and now the pressure tank is cycling, job {key}.",
        "Hello, I'm calling about the estimate for a new well, job {key}.",
        "Hey, our pump quit this morning, the job number on the sticker is {key}.",
    ),
    tool="find_well_job",
    talk=(
        "A:The well went to {feet}, with a static level around sixty.",
        "A:The county permit is {id:well_permit}, from {who}, {other}.",
        "C:The pump serial on the control box is {id:pump_serial}.",
        "A:The new pump and tank come to {amount} installed.",
        "A:We can have a rig out on {date}, first thing, around {time}.",
        "A:The water sample showed {pct} over the iron limit, so we suggest a filter.",
    ),
    pay=(
        "The service call plus the pressure switch is {amount}. What card would you like to use?",
        "The deposit to get on the drilling schedule is {amount}. Card number please.",
    ),
    refund=(),
    ssn=(
        "For the rural development loan on the new well, the lender needs your Social Security "
        "number on the application.",
    ),
    bye=(
        "You're on the schedule. The water test results come from {mailbox}.",
        "Thanks for calling Deep Rock. The emergency pump line is {line}.",
    ),
)

BAND = Biz(
    key="band",
    name="Crescendo Band Instrument Rentals",
    line="(608) 271-4052",
    fax="(608) 271-4059",
    site="crescendorentals.com",
    mailboxes=("rentals@crescendorentals.com", "repairs@crescendorentals.com"),
    other="the middle school band director",
    other_line="(608) 829-9640",
    price=(19, 2300),
    ids=(
        Ident("rental_agreement", "rental agreement", "RA-###-##-####", "agreement"),
        Ident("instrument_serial", "instrument serial", "@######", "serial"),
        Ident("school_code", "school code", "SCH-####", "school_code"),
    ),
    greets=(
        "Crescendo Band Rentals, this is Jo. Renting, returning, or a repair?",
        "Thanks for calling Crescendo, the school rental desk.",
    ),
    asks=(
        "Hi, my son rents a trumpet from you, the agreement is {key}.",
        "Hello, I'd like to switch the clarinet to rent to own, agreement {key}.",
        "Hey, the flute needs a repair, it's on rental agreement {key}.",
    ),
    tool="find_rental",
    talk=(
        "C:The serial on the bell is {id:instrument_serial}.",
        "A:It's delivered to the school with code {id:school_code}.",
        "A:Rent to own is {amount} a month, and eighty percent goes to the purchase.",
        "A:The loaner goes to the school on {date}.",
        "A:Check with {who} about the concert date, the school line is {other}.",
        "C:The band rehearses at {time} on Thursdays.",
    ),
    pay=(
        "This month's rental is {amount}. What card would you like on file?",
        "The repair is {amount} after the maintenance plan. Card number when ready.",
    ),
    refund=(),
    ssn=(
        "Rent to own is a credit agreement, so I'll need the Social Security number of "
        "the parent signing it.",
    ),
    bye=(
        "You're all set. Repair updates come from {mailbox}.",
        "Thanks for calling Crescendo. The rental desk is {line}.",
    ),
)

BUSINESSES = (ESCAPE, SAIL, CLOCK, ARCHERY, ICERINK, WINE, WELL, BAND)
