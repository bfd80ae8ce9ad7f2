"""A sixth independent examiner (E84): 60 fact texts written in the manner of the CAIL fact field of 2013-2018
courts, to the held-out set's charge mix (LawBench's CAIL sample: about 40 first charges, 12 texts with two charges,
terms spread like the dev terms) and without the plea procedure, none copied from a judgment and none shown to the
helpers who changed the engine in session 21, with what a careful lawyer reads in each written down before the engine
was run on them. A text the engine reads wrongly is a strict xfail of test_examiner_texts whose reason names its
failure class. The months are the examiner's estimates of what a court of the time would pronounce (a suspended term
counts as its term, a fine alone or an exemption as 0), so a months miss is a distance from an estimate, not from a
court."""

from leniency.sentencing.tests.test_e84_cases_economy import ECONOMY
from leniency.sentencing.tests.test_e84_cases_order import ORDER
from leniency.sentencing.tests.test_e84_cases_persons import PERSONS
from leniency.sentencing.tests.test_e84_cases_property import PROPERTY
from leniency.sentencing.tests.test_e84_cases_several import SEVERAL

CASES = PROPERTY + PERSONS + ECONOMY + ORDER + SEVERAL

# Charges
DEATH_AS_NEGLIGENT = "a death from blows or stab wounds is inferred as 过失致人死亡, not 故意伤害 / 故意杀人"
PUSH_AS_INTENT = "one push in a quarrel, the fall causing 重伤, is inferred as 故意伤害; arguable"
# Amounts
# Circumstances
# found after E93 (2026-12-07): E87's examiner reads such a repayment the other way
REPAID_IN_THE_SCHEME = (
    "principal repaid to depositors before discovery (至案发时已归还本金) is not read as 退赃退赔: E93 reads it as the"
    " scheme's running (法释〔2010〕18号 (2022修正)第六条 weighs 在提起公诉前积极退赃退赔); arguable"
)
RETURNED_NOT_READ = (
    "goods or money handed back (赎回并退还 / 补缴 / 已全部归还 / 支付完毕) are not read as 退赃退赔"
)
RETURNED_ARGUABLE = RETURNED_NOT_READ + "; arguable"
VICTIM_AGE = "a victim's age (68-year-old woman, 8-year-old boy) is not read as a vulnerable victim (三(17))"
# Months
FINE_ONLY_NOT_REACHED = "a fine alone, as courts gave for small electro-fishing, is not reached (11 months)"
OBSCENE_COUNT = (
    "860 obscene discs are 情节严重 (法释〔2004〕11号第8条: 5 times 100-200), but the 3-year bracket is used"
)
THRESHOLD_ERA = (
    "虚开 tried before 法〔2018〕226号 is measured by the 2018 thresholds (5万/50万) instead of the 1996 ones "
    "(1万/10万/50万) a court of the time applied"
)
LOWER_THAN_ESTIMATE = "the term is well below the examiner's estimate of a 2013-2018 court (guideline steps, ratios or increments lower)"
COMBINATION_LOW = (
    "two 3-10 year charges combined at half the lesser term (art. 69), below a court of the time"
)

CHARGE_MISSES = {
    "negligent_serious_injury_a_shove_in_a_quarrel": PUSH_AS_INTENT,
}
AMOUNT_MISSES = {}
QUANTITY_MISSES = {}
CIRCUMSTANCE_MISSES = {
    "false_invoices_for_a_building_materials_firm_tax_eighty_six_thousand": RETURNED_ARGUABLE
    + " (补缴了全部税款)",
    "deposits_taken_from_eighty_six_villagers_six_point_eight_million": REPAID_IN_THE_SCHEME,
    "misappropriated_public_funds_lent_to_a_relatives_firm": RETURNED_ARGUABLE
    + " (returned before discovery)",
    "unpaid_wages_of_twenty_six_workers_paid_before_prosecution": RETURNED_ARGUABLE
    + " (the wages paid; the exemption is reached)",
}
# a charge without a guideline starts where the guideline starts its crimes of the same bracket (三年以下/拘役: 8 months;
# Standard.guideline_start): the dev judgments of such charges agree with that start, not with a higher estimate
GUIDELINE_ANALOGY = "months: below the estimate from a charge without a guideline, started at the guideline's start for its bracket"
MONTH_MISSES = {
    "negligent_serious_injury_a_shove_in_a_quarrel": GUIDELINE_ANALOGY + " (5 for 10)",
    "forged_seals_of_a_town_government_carved_for_customers": GUIDELINE_ANALOGY + " (7 for 12)",
    "fraud_posing_as_a_leader_phone_call_twenty_six_thousand": LOWER_THAN_ESTIMATE + " (8 for 12)",
    "contract_fraud_buying_rice_with_a_bad_cheque": LOWER_THAN_ESTIMATE + " (35万 unrecovered: 37 for 60)",
    "contract_fraud_renting_cars_and_pawning_them": LOWER_THAN_ESTIMATE + " (15 for 30)",
    "injury_light_2_over_a_field_boundary_paid_and_forgiven": LOWER_THAN_ESTIMATE + " (4 for 10)",
    "injury_light_1_bottle_in_a_restaurant_surrendered_unpaid": LOWER_THAN_ESTIMATE + " (9 for 18)",
    "injury_light_2_by_a_recidivist_at_a_parking_lot": LOWER_THAN_ESTIMATE + " (10 for 16)",
    "negligent_death_pushing_a_drunk_friend_down_stairs": LOWER_THAN_ESTIMATE + " (24 for 36); arguable",
    "false_invoices_sold_by_a_trading_company_tax_four_hundred_twenty_thousand": THRESHOLD_ERA,
    "embezzlement_by_a_salesman_keeping_payments": LOWER_THAN_ESTIMATE + " (6 of detention for 12)",
    "holding_twenty_four_grams_of_meth_in_a_car": LOWER_THAN_ESTIMATE + " (10 for 15)",
    "massage_parlour_owner_sheltering_three_women": LOWER_THAN_ESTIMATE + " (8 for 12)",
    "selling_obscene_discs_eight_hundred_sixty_from_a_stall": OBSCENE_COUNT,
    "electric_fishing_in_the_closed_season": FINE_ONLY_NOT_REACHED,
    "several_resisting_a_checkpoint_and_smashing_the_police_car": LOWER_THAN_ESTIMATE + " (8 for 12)",
    "several_company_accountant_borrowing_and_false_reimbursements": LOWER_THAN_ESTIMATE + " (11 for 24)",
    "several_bar_beatings_at_random_and_a_light_injury": LOWER_THAN_ESTIMATE
    + " (寻衅滋事's acts not read; 6 for 20)",
    "several_rape_and_the_victims_phone_taken_by_force": COMBINATION_LOW,
}
