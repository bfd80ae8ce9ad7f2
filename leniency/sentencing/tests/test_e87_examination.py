"""A seventh independent examiner (E87): 60 fact texts written in the manner of the CAIL fact field of 2013-2018
courts, to the held-out set's charge mix (45 first charges, none more than four times; 12 texts with two charges;
terms spread like the dev terms, two of them a fine alone or an exemption) and without the plea procedure, none copied
from a judgment, with what a careful lawyer reads in each written down and committed before the engine was run on them.
A text the engine reads wrongly is a strict xfail of test_examiner_texts whose reason names its failure class. The
months are the examiner's estimates of what a court of the time would pronounce (a suspended term counts as its term,
a fine alone or an exemption as 0), so a months miss is a distance from an estimate, not from a court."""

from leniency.sentencing.tests.test_e87_cases_economy import ECONOMY
from leniency.sentencing.tests.test_e87_cases_order import ORDER
from leniency.sentencing.tests.test_e87_cases_persons import PERSONS
from leniency.sentencing.tests.test_e87_cases_property import PROPERTY
from leniency.sentencing.tests.test_e87_cases_several import SEVERAL

CASES = PROPERTY + PERSONS + ECONOMY + ORDER + SEVERAL

# Charges
POPPY_AS_FAKE_DRUG = "罂粟壳 put into a noodle soup (有毒、有害食品, art. 144; 法释〔2013〕12号第20条) is inferred as 生产、销售、提供假药"
GUN_BOUGHT_AS_TRADE = (
    "an air rifle bought for oneself and kept at home is inferred as 非法买卖枪支, not 非法持有; arguable "
    "(法释〔2009〕18号 counts buying as 买卖, but courts charged keeping)"
)
# Amounts
# Circumstances
# Months
LOWER_THAN_ESTIMATE = "the term is well below the examiner's estimate of a 2013-2018 court (guideline steps, ratios or increments lower)"
HIGHER_THAN_ESTIMATE = "the term is well above the examiner's estimate of a 2013-2018 court"
BELOW_THE_BRACKET = (
    "肇事后逃逸 (3-7 years) with a later surrender is taken below the bracket's three years, which courts of the time "
    "rarely did (the surrender counts from the heavier bracket)"
)
# found after E93 read the wait at the hospital as 自首 (2026-12-07)
BELOW_THE_BRACKET_SURRENDERED = (
    "a death in the 3-7 year bracket, surrendered, paid and forgiven, is taken below the three years (自首 allows 减轻,"
    " 刑法第63条; 2021 guideline 四(3)), where the examiner estimated the floor; arguable"
)
EXEMPTION_NOT_REACHED = (
    "免予刑事处罚 (art. 37) for a light injury surrendered, paid and forgiven is not reached"
)
FINE_ONLY_NOT_REACHED = "a fine alone (art. 341(2)) for a small closed-season hunt is not reached"
PROVINCIAL_THRESHOLD = (
    "35,000 yuan of fraud read below 数额巨大, which 法释〔2011〕7号 lets provinces set at 3万-10万; arguable"
)
CHARGE_MISSES = {
    "several_an_air_rifle_kept_at_home_and_a_neighbour_shot_in_the_leg": GUN_BOUGHT_AS_TRADE,
}
AMOUNT_MISSES: dict[str, str] = {}
QUANTITY_MISSES: dict[str, str] = {}
CIRCUMSTANCE_MISSES: dict[str, str] = {}
MONTH_MISSES = {
    "fraud_selling_concert_tickets_online_that_never_existed": LOWER_THAN_ESTIMATE + " (9 for 18); arguable",
    "embezzlement_by_a_warehouse_keeper_selling_copper_surrendered": LOWER_THAN_ESTIMATE + " (6 for 12)",
    "damaging_a_neighbours_two_cars_over_a_parking_space_paid_and_forgiven": HIGHER_THAN_ESTIMATE
    + " (10 for 6)",
    "injury_light_2_neighbours_quarrel_surrendered_paid_exempted": EXEMPTION_NOT_REACHED
    + " (4 for 0); arguable",
    "injury_light_1_knife_at_a_night_market_by_a_recidivist": LOWER_THAN_ESTIMATE + " (13 for 20)",
    "unlawful_detention_of_a_debtor_for_two_days_in_a_hotel": LOWER_THAN_ESTIMATE
    + " (5 of detention for 10; two days held and beaten)",
    "traffic_death_of_a_cyclist_driver_called_the_police_and_paid": LOWER_THAN_ESTIMATE + " (6 for 12)",
    "traffic_death_hit_and_run_on_a_county_road_later_surrendered": BELOW_THE_BRACKET + " (27 for 42)",
    "negligent_death_a_push_at_a_shop_door_the_old_man_falls_surrendered": BELOW_THE_BRACKET_SURRENDERED
    + " (24 for 36)",
    "poppy_shells_in_a_noodle_stall_soup": POPPY_AS_FAKE_DRUG + " (17 for 6)",
    "land_office_director_accepting_bribes_five_times": LOWER_THAN_ESTIMATE + " (16 for 24); arguable",
    "a_builder_bribing_a_county_transport_official_for_contracts": HIGHER_THAN_ESTIMATE
    + " (26 for 18); arguable",
    "staged_car_collision_for_an_insurance_payout": LOWER_THAN_ESTIMATE + " (7 for 15)",
    "contract_fraud_buying_steel_on_credit_and_reselling_it": LOWER_THAN_ESTIMATE + " (38 for 60)",
    "holding_heroin_and_methamphetamine_in_a_car": LOWER_THAN_ESTIMATE
    + " (9 for 20; 15.6 g heroin and 8.3 g methamphetamine)",
    "hunting_birds_with_mist_nets_in_the_closed_season_fined": FINE_ONLY_NOT_REACHED + " (7 for 0)",
    "several_cash_from_the_employers_till_and_a_fake_landlords_deposits": LOWER_THAN_ESTIMATE + " (6 for 14)",
    "several_an_air_rifle_kept_at_home_and_a_neighbour_shot_in_the_leg": GUN_BOUGHT_AS_TRADE + " (10 for 16)",
    "several_paigow_den_and_a_gambler_held_for_his_debt": LOWER_THAN_ESTIMATE + " (11 for 18)",
    "several_refusing_to_leave_an_ex_girlfriends_flat_and_groping_on_a_bus": LOWER_THAN_ESTIMATE
    + " (12 for 18)",
    "several_posing_as_a_loan_agent_and_carving_police_seals": PROVINCIAL_THRESHOLD + " (18 for 40)",
}
