"""dev12's businesses: twenty-four kinds of contact centre, each with the ids its callers read
out, why they call, the other businesses whose lines come up (a pharmacy's, a lab's, a body
shop's: look-alikes, not a person's phone) and the tool its agent calls.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Biz:
    kind: str
    names: tuple[str, ...]
    ids: tuple[str, ...]
    reasons: tuple[str, ...]
    third: tuple[tuple[str, str], ...]  # (look-alike class, whose line it is)
    tool: str


def _b(kind: str, names: str, ids: str, reasons: tuple[str, ...], third: str, tool: str) -> Biz:
    pairs = tuple((t.split(":", 1)[0], t.split(":", 1)[1]) for t in third.split("|"))
    return Biz(kind, tuple(names.split("|")), tuple(ids.split("|")), reasons, pairs, tool)


BUSINESSES: tuple[Biz, ...] = (
    _b(
        "pharmacy",
        "Hollis Street Pharmacy|CareWell Drug|Pinebrook Apothecary",
        "prescription_number|member_id|group_number|order_number",
        (
            "my blood pressure refill says it's on hold and I don't know why",
            "I got a text that my prescription is ready but it's the wrong strength",
            "the insurance rejected my inhaler and the doctor says they sent it twice",
        ),
        "clinic_fax:Dr. Ferrante's office fax|pharmacy_phone:the Walden Road store|"
        "office_phone:the prescriber's front desk",
        "rx_lookup",
    ),
    _b(
        "health_insurer",
        "Bluestem Health Plan|Meridian Mutual Health|Crestline Benefits",
        "member_id|group_number|claim_number|subscriber_id|npi_number",
        (
            "I got an explanation of benefits saying my MRI was denied",
            "I need to know if the physical therapy place is in network",
            "my son's claim from the urgent care got processed wrong",
        ),
        "lab_phone:the lab that ran the bloodwork|clinic_phone:the imaging center|"
        "pharmacy_phone:the mail-order pharmacy",
        "member_lookup",
    ),
    _b(
        "clinic",
        "Lakeshore Family Medicine|Ridgeview Orthopedics|Sutter Creek Pediatrics",
        "patient_id|claim_number|member_id|reference_number",
        (
            "I need to move my follow-up appointment",
            "I want my lab results sent over to my new cardiologist",
            "the bill from my last visit looks like it was charged twice",
        ),
        "lab_phone:the outpatient lab|office_fax:the cardiology office fax|"
        "pharmacy_phone:the pharmacy downstairs",
        "patient_search",
    ),
    _b(
        "dental",
        "Brightside Dental Group|Harbor Point Dentistry",
        "patient_id|member_id|claim_number|invoice_number",
        (
            "I need to reschedule my cleaning, something came up at work",
            "my crown came off and I need to get in this week",
            "the insurance only paid part of the filling and I got a bill",
        ),
        "office_fax:the oral surgeon's fax|lab_phone:the dental lab",
        "chart_lookup",
    ),
    _b(
        "vet",
        "Maple Hollow Animal Hospital|Tailwind Veterinary",
        "patient_id|microchip_id|invoice_number|prescription_number",
        (
            "my dog needs a refill on her arthritis meds",
            "I'm calling to book my cat's dental",
            "the microchip registration still shows our old address",
        ),
        "pharmacy_phone:the pet pharmacy|clinic_phone:the emergency animal hospital",
        "pet_record",
    ),
    _b(
        "bank",
        "Granite Peak Bank|Riverbend Savings|First Harborline Bank",
        "account_number|bank_account|case_number|loan_number|reference_number",
        (
            "there's a charge on my checking I didn't make",
            "my direct deposit didn't show up this morning",
            "I need a stop payment on a check I mailed",
        ),
        "branch_phone:the Oakmont branch|vendor_phone:the check printing company",
        "account_lookup",
    ),
    _b(
        "credit_union",
        "Cascade Teachers Credit Union|Prairie Gold Federal Credit Union",
        "member_id|bank_account|loan_number|case_number",
        (
            "I want to set up a payoff on my auto loan",
            "my debit card got declined at the gas station",
            "I'm trying to add my daughter as a joint owner",
        ),
        "branch_phone:the Eastgate branch|dealer_phone:the dealership's finance office",
        "member_lookup",
    ),
    _b(
        "mortgage",
        "Keystone Home Loans|Anchorpoint Mortgage Servicing",
        "loan_number|case_number|reference_number|invoice_number",
        (
            "my escrow went up and my payment jumped almost two hundred dollars",
            "I sent the hazard insurance declaration page and it's still not on file",
            "I need a payoff letter for the refinance",
        ),
        "insurer_phone:my homeowners insurance agent|office_fax:the title company's fax",
        "loan_lookup",
    ),
    _b(
        "auto_insurer",
        "Lighthouse Auto Insurance|Summit Ridge Casualty",
        "policy_number|claim_number|incident_number|reference_number",
        (
            "somebody backed into me in a parking lot and I need to file a claim",
            "the body shop says they haven't heard from the adjuster",
            "I want to add my son to the policy, he just got his license",
        ),
        "dealer_phone:the body shop|vendor_phone:the towing company|"
        "office_phone:the police records office",
        "policy_lookup",
    ),
    _b(
        "utility",
        "Tri-County Electric|Northfield Gas & Light|Cedar Valley Water",
        "account_number|meter_number|work_order|confirmation_number",
        (
            "my bill is almost double what it was last month",
            "we had an outage last night and the power's flickering again",
            "I'm moving and I need to stop service at the old place",
        ),
        "vendor_phone:the contractor who did the meter swap|office_phone:the city permit office",
        "account_lookup",
    ),
    _b(
        "wireless",
        "Skyreach Wireless|Portside Mobile",
        "account_number|device_id|order_number|case_number",
        (
            "my new phone won't activate, it just says SIM not provisioned",
            "I was charged an international roaming fee and I never left the state",
            "I want to upgrade and trade in my old phone",
        ),
        "branch_phone:the store at the Riverside mall|vendor_phone:the repair center",
        "line_lookup",
    ),
    _b(
        "internet",
        "Evergreen Fiber|Hilltop Cable & Internet",
        "account_number|work_order|serial_number|case_number",
        (
            "my internet drops every evening around eight",
            "the technician never showed up for the install window",
            "I returned the modem and I'm still being charged for it",
        ),
        "office_phone:my building's management office|"
        "vendor_phone:the contractor that ran the line",
        "service_lookup",
    ),
    _b(
        "airline",
        "Coastal Pacific Airways|Northwind Air",
        "booking_reference|eticket_number|frequent_flyer|case_number",
        (
            "my connecting flight got cancelled and the app won't rebook me",
            "my bag didn't come off the carousel in Denver",
            "I need to change my return to a day earlier",
        ),
        "hotel_phone:the airport hotel|office_phone:the baggage service office",
        "pnr_lookup",
    ),
    _b(
        "hotel",
        "Bellmont Suites|Harborview Inn & Spa",
        "confirmation_number|loyalty_number|invoice_number",
        (
            "I was charged a resort fee nobody told me about",
            "I need to add a night to my reservation",
            "I left a charger in the room after checkout",
        ),
        "hotel_phone:the front desk at the property|vendor_phone:the shuttle company",
        "reservation_lookup",
    ),
    _b(
        "car_rental",
        "Redline Car Rental|Trailhead Rent-A-Car",
        "booking_reference|contract_number|loyalty_number|invoice_number",
        (
            "I got a damage charge two weeks after I returned the car",
            "I need to extend my rental through Sunday",
            "the toll charges on my receipt don't look right",
        ),
        "branch_phone:the airport location|vendor_phone:roadside assistance",
        "rental_lookup",
    ),
    _b(
        "parcel",
        "Swiftline Parcel|Overland Express",
        "tracking_number|order_number|case_number|reference_number",
        (
            "my package says delivered but it's not here",
            "I need to redirect a delivery to my office",
            "the driver left a notice and I want to schedule redelivery",
        ),
        "vendor_phone:the seller|branch_phone:the depot on Route 9",
        "track_package",
    ),
    _b(
        "retailer",
        "Oakridge Home Goods|Nimbus Outfitters|Larkfield Electronics",
        "order_number|invoice_number|tracking_number|customer_number",
        (
            "I was sent the wrong size and I want an exchange",
            "my refund hasn't shown up and it's been three weeks",
            "the blender arrived broken",
        ),
        "vendor_phone:the manufacturer's warranty line|branch_phone:the store in Glenview",
        "order_lookup",
    ),
    _b(
        "appliance",
        "Hearth & Home Appliance|Cornerstone Furniture Delivery",
        "order_number|serial_number|work_order|invoice_number",
        (
            "the washer you delivered is leaking from the bottom",
            "the delivery window says Tuesday but I need Thursday",
            "the couch came with a torn cushion",
        ),
        "vendor_phone:the manufacturer's service line|office_phone:the warehouse",
        "delivery_lookup",
    ),
    _b(
        "tax_prep",
        "Ledgerline Tax Services|Keller & Moss Tax Prep",
        "reference_number|customer_number|invoice_number|case_number",
        (
            "I got a notice from the IRS about my return",
            "my refund is taking longer than last year",
            "I need a copy of my return from two years ago for a mortgage",
        ),
        "office_phone:the state revenue department|office_fax:the IRS fax number on the notice",
        "client_lookup",
    ),
    _b(
        "payroll_hr",
        "Benefitly HR Services|Cornerline Payroll",
        "employee_id|group_number|policy_number|case_number",
        (
            "my last paycheck is missing my overtime",
            "I need to add my new baby to my health insurance",
            "my W-2 has the wrong address on it",
        ),
        "vendor_phone:the dental carrier|office_phone:the benefits enrollment center",
        "employee_lookup",
    ),
    _b(
        "property",
        "Willowbrook Property Management|Stonegate Apartments",
        "ledger_number|work_order|invoice_number|permit_number",
        (
            "the heat in my unit has been out since Friday",
            "I was charged a late fee but I paid on the first",
            "I need to get a parking permit for my new car",
        ),
        "vendor_phone:the plumber you use|office_phone:the leasing office at the other building",
        "resident_lookup",
    ),
    _b(
        "university",
        "Bursar's Office at Fairhaven State|Westmont College Student Accounts",
        "student_id|invoice_number|application_number|reference_number",
        (
            "there's a hold on my account and I can't register",
            "my financial aid hasn't been applied to the bill",
            "I need a receipt for the tuition payment for my taxes",
        ),
        "office_phone:the financial aid office|office_fax:the registrar's fax",
        "student_lookup",
    ),
    _b(
        "home_warranty",
        "SureShield Home Warranty|Homestead Protection Plans",
        "contract_number|claim_number|work_order|serial_number",
        (
            "my AC stopped cooling and I need a technician",
            "the contractor you sent says the part isn't covered",
            "I want to cancel the plan, we sold the house",
        ),
        "vendor_phone:the HVAC company you sent|office_phone:the appliance parts supplier",
        "contract_lookup",
    ),
    _b(
        "auto_service",
        "Westlake Honda Service|Brennan's Auto Care",
        "repair_order|invoice_number|customer_number|reference_number",
        (
            "my check engine light came back on after the repair",
            "I'm calling to see if my car is ready",
            "I want to book the sixty thousand mile service",
        ),
        "vendor_phone:the tire place next door|"
        "dealer_phone:the parts department at the other dealer",
        "ro_lookup",
    ),
)
