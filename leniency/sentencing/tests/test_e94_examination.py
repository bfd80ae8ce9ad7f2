"""An eighth independent examiner (E94): 60 fact texts written in the manner of the CAIL fact field of 2013-2018
courts, to the held-out set's charge mix (50 first charges, none more than twice; 14 texts with two charges, seven of
them with counts headed by the masked charge name; terms spread like the dev terms, three of them a fine alone or an
exemption; three restated amounts; three defendants whose part differs from a co-offender's) and without the plea
procedure, none copied from a judgment, with what a careful lawyer reads in each written down and committed before the
engine was run on them. A text the engine reads wrongly is a strict xfail of test_examiner_texts whose reason names its
failure class. The months are the examiner's estimates of what a court of the time would pronounce (a suspended term
counts as its term, a fine alone or an exemption as 0), so a months miss is a distance from an estimate, not from a
court."""

from leniency.sentencing.tests.test_e94_cases_economy import ECONOMY
from leniency.sentencing.tests.test_e94_cases_order import ORDER
from leniency.sentencing.tests.test_e94_cases_persons import PERSONS
from leniency.sentencing.tests.test_e94_cases_property import PROPERTY
from leniency.sentencing.tests.test_e94_cases_several import SEVERAL

CASES = PROPERTY + PERSONS + ECONOMY + ORDER + SEVERAL

# Charges
SECOND_COUNT_DROPPED = "a second charge told in its own count or paragraph of the facts is not inferred"
KILLING_READ_AS_INJURY = (
    "repeated axe blows to the head, the victim dead at the scene, are inferred as 故意伤害, not 故意杀人; arguable "
    "(the text states no intent, and courts convicted of injury causing death on some such facts)"
)
# Circumstances
WAGES_PAID_READ_AS_COMPENSATION = "wages paid before prosecution (法释〔2013〕3号第6条) are read as 赔偿; arguable (the payment does lower the term)"
# Months
LOWER_THAN_ESTIMATE = "the term is well below the examiner's estimate of a 2013-2018 court (guideline steps, ratios or increments lower)"
HIGHER_THAN_ESTIMATE = "the term is well above the examiner's estimate of a 2013-2018 court"
EXEMPTION_NOT_REACHED = "免予刑事处罚 (art. 37) is not reached"
FINE_ONLY_NOT_REACHED = "a fine alone (art. 340) for a small closed-season catch is not reached"
REFUSED_DEMAND_WEIGHED_AS_ATTEMPT = (
    "the further 5万 demand the victim reported is weighed as an attempted 数额巨大 part, which governs (法释〔2011〕7号第六条 "
    "by analogy, calculator_stages); the examiner left it out; arguable"
)
CHARGE_MISSES = {
    "murder_a_neighbour_with_an_axe_over_a_loan_surrendered": KILLING_READ_AS_INJURY,
    "several_debt_collectors_holding_a_shop_owner_and_demanding_extra_money": SECOND_COUNT_DROPPED
    + " (3万 demanded beyond the debt, 敲诈勒索); arguable (some courts kept it within 非法拘禁)",
    "several_a_drunk_drive_in_march_and_a_fatal_crash_in_october": SECOND_COUNT_DROPPED
    + " (醉驾 of March, 危险驾驶)",
    "several_a_homemade_shotgun_sold_to_a_hunter_and_pheasants_shot": SECOND_COUNT_DROPPED
    + " (禁猎期内 hunting, 非法狩猎)",
}
AMOUNT_MISSES: dict[str, str] = {}
QUANTITY_MISSES: dict[str, str] = {}
CIRCUMSTANCE_MISSES = {
    "unpaid_wages_of_twelve_workers_paid_before_prosecution_exempted": WAGES_PAID_READ_AS_COMPENSATION,
}
MONTH_MISSES = {
    "extortion_a_married_lovers_affair_twenty_thousand": REFUSED_DEMAND_WEIGHED_AS_ATTEMPT + " (21 for 14)",
    "theft_three_times_from_construction_site_sheds_of_which_copper_wire": LOWER_THAN_ESTIMATE
    + " (10 for 18); arguable",
    "cashier_of_a_private_trading_company_keeping_takings": LOWER_THAN_ESTIMATE + " (7 for 12); arguable",
    "smashing_a_former_employers_shop_front_and_goods_paid": HIGHER_THAN_ESTIMATE + " (9 for 6); arguable",
    "poisoning_a_rivals_fish_pond_in_revenge": LOWER_THAN_ESTIMATE + " (7 for 12)",
    "bigamy_a_second_household_in_another_county": HIGHER_THAN_ESTIMATE + " (9 for 6); arguable",
    "deposits_a_salesman_of_a_wealth_firm_own_part_three_hundred_eighty_thousand": LOWER_THAN_ESTIMATE
    + " (6 for 12; his own 38万 read since E100); arguable",
    "credit_card_found_at_a_petrol_station_used_at_shops": LOWER_THAN_ESTIMATE + " (7 for 12); arguable",
    "traffic_death_a_lorry_turning_left_into_a_scooter_paid_and_forgiven": LOWER_THAN_ESTIMATE
    + " (7 for 12); arguable",
    "beating_three_strangers_in_a_karaoke_corridor_for_fun": LOWER_THAN_ESTIMATE + " (8 for 12); arguable",
    "thirty_six_grams_of_methamphetamine_in_a_rented_room": LOWER_THAN_ESTIMATE
    + " (12 for 24; the 36 g read since E100)",
    "electric_fishing_on_a_reservoir_in_the_closed_season_fined": FINE_ONLY_NOT_REACHED + " (7 for 0)",
    "a_mother_hiding_her_son_wanted_for_robbery_exempted": EXEMPTION_NOT_REACHED
    + " for a mother hiding her son (7 for 0); arguable",
    "several_a_logistics_company_manager_taking_freight_money_and_lending_it_out": LOWER_THAN_ESTIMATE
    + " (20 for 40); arguable",
    "several_a_hair_salon_housing_prostitution_and_drug_users": LOWER_THAN_ESTIMATE + " (12 for 20)",
    "several_a_drunk_drive_in_march_and_a_fatal_crash_in_october": LOWER_THAN_ESTIMATE
    + " (7 for 20); arguable",
    "several_a_market_bully_forcing_wholesale_prices_and_beating_a_buyer": LOWER_THAN_ESTIMATE
    + " (12 for 24)",
    "several_methamphetamine_and_a_pistol_found_in_a_flat": LOWER_THAN_ESTIMATE + " (10 for 24)",
}
