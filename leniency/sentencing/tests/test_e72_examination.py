"""A fourth independent examiner (E72): 60 fact texts written in the manner of the CAIL fact field, none copied from a
judgment and none shown to the helpers who changed the engine in session 20, with what a careful lawyer reads in each
written down before the engine was run on them. Its failure classes: a text the engine reads
wrongly is a strict xfail of test_examiner_texts whose reason names the class. The months are the examiner's estimates (2021 guideline, FACTS.md), so a months
miss is a distance from an estimate, not from a court."""

from leniency.sentencing.tests.test_e72_cases_drugs_light import DRUGS, LIGHT
from leniency.sentencing.tests.test_e72_cases_other import LONG, SEVERAL, TAIL
from leniency.sentencing.tests.test_e72_cases_persons import DRIVING, FRAUDS, INJURIES
from leniency.sentencing.tests.test_e72_cases_theft import THEFTS

CASES = THEFTS + DRIVING + INJURIES + FRAUDS + DRUGS + LIGHT + SEVERAL + LONG + TAIL

# Months
FINE_ONLY_BELOW = "a fine alone where the text's own recommendation is detention (拘役二个月，适用缓刑)"
MINOR_FINE_ONLY = "a minor's 入户 theft given a fine alone where the examiner expects a short term; arguable"
DRIVING_AGGRAVATION = (
    "dangerous driving: an accident injuring a pedestrian (轻微伤) does not raise the 1 month of detention"
)
EXEMPTION_TOLD = "a fine alone that the text's facts and recommendation give is not reached (拘役 instead)"
BELOW_MINIMUM = "自首 with the plea and compensation take the term a bracket below the statutory minimum"
LOWER_THAN_ESTIMATE = (
    "the term is well below the examiner's estimate (guideline steps read, ratios or increments lower)"
)
PLEA_DEEP = (
    LOWER_THAN_ESTIMATE
    + ": the plea absorbing 坦白, 赔偿 and 谅解 cuts about half, below the text's own recommendation"
)

CHARGE_MISSES: dict[str, str] = {}
AMOUNT_MISSES: dict[str, str] = {}
QUANTITY_MISSES: dict[str, str] = {}
CIRCUMSTANCE_MISSES: dict[str, str] = {}
# a charge without a guideline starts where the guideline starts its crimes of the same bracket (三年以下/拘役: 8 months;
# Standard.guideline_start): the dev judgments of such charges agree with that start, not with a higher estimate
GUIDELINE_ANALOGY = "months: below the estimate from a charge without a guideline, started at the guideline's start for its bracket"
MONTH_MISSES = {
    "several_drunk_driving_then_kicking_a_police_officer": GUIDELINE_ANALOGY
    + " (袭警 8 less the plea: 6 for 9)",
    "theft_supermarket_goods_by_seventy_six_year_old": FINE_ONLY_BELOW,
    "theft_seventeen_year_old_through_unlocked_back_door": MINOR_FINE_ONLY,
    "drunk_driving_motorcycle_pedestrian_minor_injury": DRIVING_AGGRAVATION,
    "injury_light_2_paid_thirty_thousand_forgiven": PLEA_DEEP,
    "injury_bottle_light_1_recidivist_no_compensation": LOWER_THAN_ESTIMATE,
    "fundraising_fraud_principal_returned_before_discovery": LOWER_THAN_ESTIMATE
    + " (650万 kept near the 7-year floor)",
    "fraud_fake_concert_tickets_online_all_returned": PLEA_DEEP,
    "drugs_holding_majiang_tablets_weight_in_numerals": LOWER_THAN_ESTIMATE
    + " (28.4 g read right: 10 months)",
    "drugs_ketamine_sale_recidivist_and_drug_reoffender": LOWER_THAN_ESTIMATE
    + " (毒品再犯 not added beside 累犯)",
    "fine_only_lending_bank_cards_flows": EXEMPTION_TOLD,
    "fine_only_first_theft_recommended_fine": EXEMPTION_TOLD
    + " (reached before only by weighing the one payment twice, as 退赔 and as 赔偿)",
    "injury_knife_serious_2_surrender_partly_paid": BELOW_MINIMUM,
    "several_one_meth_sale_and_sheltering_three_times": LOWER_THAN_ESTIMATE,
    "several_cashier_keeping_and_lending_company_money": LOWER_THAN_ESTIMATE,
    "long_injury_death_surrendered_family_forgave": BELOW_MINIMUM,
    "tail_randomly_beating_two_in_a_ktv": PLEA_DEEP,
    "tail_five_bank_cards_large_flows": LOWER_THAN_ESTIMATE + " (no increment for 186万 of flows)",
    "tail_traffic_death_fled_then_surrendered": BELOW_MINIMUM,
    "tail_holding_a_debtor_for_twenty_six_hours": PLEA_DEEP + " (殴打, 从重 by art. 238, not weighed)",
}
