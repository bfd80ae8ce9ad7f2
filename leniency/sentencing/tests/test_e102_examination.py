"""A ninth independent examiner (E102): 60 fact texts written in the manner of the CAIL fact field of 2013-2018 courts,
with first charges mostly other than the five commonest and than E87's and E94's (56 first charges, none more than
twice; 14 texts with two charges, ten of them with counts headed by the masked charge name; terms spread like the dev
terms, three of them a fine alone or an exemption, nine 拘役 estimates; four restated amounts; three defendants whose
part differs from a co-offender's) and without the plea procedure, none copied from a judgment, with what a careful
lawyer reads in each written down and committed before the engine was run on them. A text the engine reads wrongly is
a strict xfail of test_examiner_texts whose reason names its failure class. The months are the examiner's estimates
of what a court of the time would pronounce (a suspended term counts as its term, a fine alone or an exemption as 0),
so a months miss is a distance from an estimate, not from a court."""

from leniency.sentencing.tests.test_e102_cases_economy import ECONOMY
from leniency.sentencing.tests.test_e102_cases_order import ORDER
from leniency.sentencing.tests.test_e102_cases_persons import PERSONS
from leniency.sentencing.tests.test_e102_cases_several import SEVERAL

CASES = ECONOMY + PERSONS + ORDER + SEVERAL

# Charges
NEIGHBOURING_CHARGE_INFERRED = "a neighbouring charge is inferred instead of the one the acts told make out"
CHARGE_NOT_INFERRED = "no charge is inferred for acts the text tells plainly"
SPURIOUS_CHARGE_ADDED = "a charge is added from a word of the text that tells no act of the defendant"
COUNT_DROPPED = "a charge told in its own count or sentence of the facts is not inferred"
LATER_LAW_CHARGE = (
    "a charge created by Amendment 11 (2021) is inferred for an act of 2017; arguable (刑法第12条: a court today applies "
    "the lighter later law, a court of the time could not)"
)
# Amounts
RESTATED_PART_ADDED = "a part restated with 其中 is added to the whole it belongs to"
AMOUNT_NOT_READ = "the amount the charge's tier is read from is not read"
JOINT_TOTAL_FOR_OWN_PART = (
    "the two co-offenders' total is read where the text tells the defendant's own sales; arguable (as a joint "
    "principal he answers for the whole, 刑法第26条第4款)"
)
# Circumstances
RETURN_NOT_READ = "money returned or tax paid back before judgment is not read as 退赃退赔 (guideline 三(10))"
# Months
LOWER_THAN_ESTIMATE = "the term is well below the examiner's estimate of a 2013-2018 court"
HIGHER_THAN_ESTIMATE = "the term is well above the examiner's estimate of a 2013-2018 court"
EXEMPTION_NOT_REACHED = "免予刑事处罚 (刑法第37条) is not reached"
FOLLOWS_THE_WRONG_CHARGE = "the term follows the wrongly inferred charge's brackets"

CHARGE_MISSES = {
    "banknotes_printed_on_an_inkjet_printer_in_a_rented_room": SPURIOUS_CHARGE_ADDED
    + " (持有、使用假币 beside 伪造货币 for the notes he made himself, 法释〔2000〕26号第二条)",
    "negligent_serious_injury_an_old_neighbour_pushed_off_a_step": NEIGHBOURING_CHARGE_INFERRED
    + " (故意伤害 for a push whose fall was not foreseen; 过失致人重伤, 刑法第235条); arguable",
    "a_husband_beating_his_wife_for_years_until_her_arm_was_broken": NEIGHBOURING_CHARGE_INFERRED
    + " (故意伤害 for years of beating in a family; 虐待致重伤, 刑法第260条第2款); arguable (the last beating alone "
    "could be 故意伤害)",
    "a_son_leaving_his_bedridden_mother_in_a_cold_shed": CHARGE_NOT_INFERRED + " (遗弃, 刑法第261条)",
    "an_ex_boyfriends_car_burned_in_a_residential_car_park": NEIGHBOURING_CHARGE_INFERRED
    + " (故意毁坏财物 for petrol set alight in a car park, the fire spreading; 放火, 刑法第114条)",
    "a_bus_passenger_who_missed_her_stop_grabbing_the_steering_wheel": LATER_LAW_CHARGE + " (妨害安全驾驶)",
    "several_a_brick_kiln_boss_locking_in_workers_and_beating_one": NEIGHBOURING_CHARGE_INFERRED
    + " (拒不支付劳动报酬 for workers locked in and forced to work; 强迫劳动, 刑法第244条)",
    "several_an_air_rifle_kept_at_home_and_birds_shot_in_the_closed_season": NEIGHBOURING_CHARGE_INFERRED
    + " (非法买卖枪支 for an air rifle bought online and kept; 非法持有枪支, 刑法第128条); arguable (法释〔2009〕18号 "
    "counts a purchase as 买卖, and some courts so convicted)",
    "several_a_sacked_engineer_wiping_the_server_and_selling_customer_records": COUNT_DROPPED
    + " (破坏计算机信息系统, data deleted by remote login)",
    "several_rail_clips_pried_off_a_working_line_and_scrap_steel_stolen": NEIGHBOURING_CHARGE_INFERRED
    + " (破坏交通工具 for rail fastenings; 破坏交通设施, 刑法第117条) and "
    + COUNT_DROPPED
    + " (盗窃 of steel)",
    "several_blank_invoices_sold_and_forged_invoices_held_in_a_copy_shop": SPURIOUS_CHARGE_ADDED
    + " (非法出售增值税专用发票 for 普通发票) and "
    + COUNT_DROPPED
    + " (持有伪造的发票)",
}
AMOUNT_MISSES = {
    "bank_loan_of_one_and_a_half_million_on_forged_sales_contracts_part_repaid": RESTATED_PART_ADDED
    + " (170万 for 150万: the 20万 of the 70万 repaid added)",
    "a_trading_company_boss_hiding_sales_tax_paid_after_prosecution_began": AMOUNT_NOT_READ
    + " (42万 of tax evaded)",
    "herbal_capsules_laced_with_western_drugs_sold_online_own_part": JOINT_TOTAL_FOR_OWN_PART
    + " (6万 for 18000)",
}
QUANTITY_MISSES: dict[str, str] = {}
CIRCUMSTANCE_MISSES = {
    "a_trading_company_boss_hiding_sales_tax_paid_after_prosecution_began": RETURN_NOT_READ
    + " (补缴了全部税款); arguable (some courts weigh it apart from 退赃)",
    "fraud_a_promised_school_place_twelve_thousand_four_thousand_returned": RETURN_NOT_READ
    + " (后退还人民币4000元 to the named victim)",
}
MONTH_MISSES = {
    "banknotes_printed_on_an_inkjet_printer_in_a_rented_room": HIGHER_THAN_ESTIMATE
    + " (72 for 42); arguable (2.6万 is near the top of the 3-10 year band of 法释〔2000〕26号第一条)",
    "bank_loan_of_one_and_a_half_million_on_forged_sales_contracts_part_repaid": LOWER_THAN_ESTIMATE
    + " (7 for 18; 80万 lost to the bank)",
    "twelve_bank_cards_in_other_peoples_names_kept_in_a_drawer": FOLLOWS_THE_WRONG_CHARGE + " (7 for 12)",
    "a_trading_company_boss_hiding_sales_tax_paid_after_prosecution_began": HIGHER_THAN_ESTIMATE
    + " (19 for 12; the tax paid back not weighed); arguable",
    "vat_invoices_written_for_a_steel_trader_without_goods": HIGHER_THAN_ESTIMATE
    + " (67 for 42); arguable (38万 of tax lies high in the 10万-50万 band of a court of the time)",
    "grain_depot_cashier_lending_public_money_returned_and_surrendered_exempted": EXEMPTION_NOT_REACHED
    + " (9 for 0: returned before discovery and surrendered, 法释〔1998〕9号第二条); arguable",
    "negligent_serious_injury_an_old_neighbour_pushed_off_a_step": LOWER_THAN_ESTIMATE
    + " (4 for 8, as 故意伤害 with a surrender); arguable",
    "a_three_year_old_boy_taken_from_a_village_lane_to_be_raised": LOWER_THAN_ESTIMATE
    + " (8 for 18); arguable",
    "grave_offerings_burned_on_a_hillside_setting_a_forest_alight": LOWER_THAN_ESTIMATE
    + " (6 for 10; 12.6 公顷 burned); arguable",
    "six_controlled_knives_carried_onto_a_long_distance_train": HIGHER_THAN_ESTIMATE
    + " (7 for 3, against a maximum of one year); arguable",
    "scaffolding_collapse_on_a_building_site_a_worker_killed": LOWER_THAN_ESTIMATE
    + " (4 for 12: a death); arguable",
    "a_bomb_hoax_phoned_to_an_airline_to_delay_a_flight": LOWER_THAN_ESTIMATE + " (8 for 12); arguable",
    "posing_as_a_police_officer_to_court_women_and_borrow_money": LOWER_THAN_ESTIMATE
    + " (7 for 12); arguable",
    "three_pangolins_bought_for_a_restaurants_kitchen": LOWER_THAN_ESTIMATE + " (8 for 12); arguable",
    "six_hundred_poppy_plants_grown_behind_a_farmhouse": HIGHER_THAN_ESTIMATE + " (8 for 5); arguable",
    "obscene_videos_sold_in_cloud_drive_packages_twelve_hundred_files": HIGHER_THAN_ESTIMATE
    + " (120 for 38: 1200 files is 情节严重 of 法释〔2004〕11号, the 3-10 year band, not its top)",
    "game_account_passwords_stolen_with_a_trojan_and_sold": FOLLOWS_THE_WRONG_CHARGE + " (7 for 12)",
    "a_civil_affairs_clerk_approving_false_subsistence_claims_exempted": EXEMPTION_NOT_REACHED
    + " (7 for 0); arguable",
    "several_a_brick_kiln_boss_locking_in_workers_and_beating_one": LOWER_THAN_ESTIMATE
    + " (10 for 30: the forced labour not weighed)",
    "several_a_ringleader_of_villagers_blocking_a_quarry_and_smashing_an_excavator": LOWER_THAN_ESTIMATE
    + " (18 for 40: a ringleader of 聚众扰乱社会秩序, 3-7 years)",
    "several_an_air_rifle_kept_at_home_and_birds_shot_in_the_closed_season": LOWER_THAN_ESTIMATE
    + " (10 for 15); arguable",
    "several_a_woman_robbed_and_raped_on_her_way_home_from_a_night_shift": LOWER_THAN_ESTIMATE
    + " (56 for 102: rape and robbery each from a 3-year floor)",
    "several_a_wanted_friend_hidden_in_a_farmhouse_then_false_testimony": LOWER_THAN_ESTIMATE
    + " (10 for 16); arguable",
    "several_a_sacked_engineer_wiping_the_server_and_selling_customer_records": HIGHER_THAN_ESTIMATE
    + " (65 for 20); arguable (11万 lost is five times 法释〔2011〕19号第四条's 一万元, 后果特别严重, 五年以上: E107)",
}
