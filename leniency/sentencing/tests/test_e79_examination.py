"""A fifth independent examiner (E79): 60 fact texts written in the manner of the CAIL fact field of 2013-2018 courts,
most of them without the plea procedure (认罪认罚 became law late in 2018), none copied from a judgment, with what a
careful lawyer reads in each written down before the engine was run on them. A text the engine reads wrongly is a
strict xfail of test_examiner_texts whose reason names its failure class. The months are the examiner's estimates of
what a court of the time would pronounce, so a months miss is a distance from an estimate, not from a court."""

from leniency.sentencing.tests.test_e79_cases_drugs_order import DRUGS, LIGHT_DRUGS, ORDER
from leniency.sentencing.tests.test_e79_cases_persons import DRIVING, FRAUDS, INJURIES, TRAFFIC
from leniency.sentencing.tests.test_e79_cases_rare import RARE, SEVERAL
from leniency.sentencing.tests.test_e79_cases_theft import THEFTS

CASES = THEFTS + DRIVING + INJURIES + TRAFFIC + FRAUDS + DRUGS + LIGHT_DRUGS + ORDER + RARE + SEVERAL

# Charges
INJURY_DEATH_AS_NEGLIGENT = (
    "repeated blows with a club after a quarrel, told to the death (故意伤害致死, art. 234(2)), read as 过失致人死亡"
    " (still so with 故意多次击打)"
)
TRAFFIC_INJURY_AS_ASSAULT = (
    "a road collision with a forensic 重伤二级 (交通肇事: 无证驾驶, 全部责任, 法释〔2000〕33号第二条第二款) read as 故意伤害;"
    " without the grade's sentence both are inferred"
)
# Amounts and quantities
WEIGHT_BEFORE_NAME = (
    "a drug weight told of 上述毒品 or of no item (经称量，上述毒品净重共计68克；经鉴定，均检出…) is not read;"
    " of 上述白色晶体 it is"
)
# Circumstances
PRIOR_BESIDE_RECIDIVIST = (
    "the conviction that makes the defendant a 累犯 is read again as 前科 (opening 曾因犯…罪…刑满释放)"
)
PROPERTY_PAYBACK = "a theft's loss paid back by the family (代为赔偿…经济损失) read as compensation, not 退赃退赔 (三(10)); arguable"
RECONCILED_PAYMENT = (
    "compensation listed beside 刑事和解 that absorbs it (三(12)); arguable, the calculator does not add them"
)
# Months
NO_GUIDELINE_QUARTER = (
    "a charge without a guideline starts where the guideline starts its crimes of the same bracket (8 months), still above"
    " what courts of the time gave"
)
FINE_ONLY_NOT_REACHED = (
    "a fine alone (first offence, loot returned, forgiven; art. 264 单处罚金) is not reached: detention; the"
    " fine-alone step takes 赔偿 with 谅解, not 退赃退赔 with 谅解"
)
EXEMPTION_NOT_REACHED = "an exemption (art. 37: 自首 and 刑事和解 over a 轻伤二级) is not reached: detention"
MINOR_FINE_ONLY = "a 16-year-old's theft given a fine alone where the examiner expects a short term; arguable"
LOWER_THAN_ESTIMATE = (
    "the term is well below the examiner's estimate of a 2013-2018 court (2021 starting points and ratios)"
)
DRUG_QUANTITY = "the drug weight is not read, so 68 g of methamphetamine is sentenced as a small quantity"

CHARGE_MISSES: dict[str, str] = {}
AMOUNT_MISSES: dict[str, str] = {}
QUANTITY_MISSES: dict[str, str] = {}
CIRCUMSTANCE_MISSES: dict[str, str] = {}
MONTH_MISSES = {
    "fine_only_colleague_locker_cash_returned_forgiven": FINE_ONLY_NOT_REACHED,
    "theft_transformer_copper_lookout_accessory": LOWER_THAN_ESTIMATE,
    "theft_motorcycle_by_sixteen_year_old_family_paid": MINOR_FINE_ONLY,
    "theft_wechat_balance_transferred_from_a_friends_phone": LOWER_THAN_ESTIMATE,
    "injury_parking_quarrel_nasal_bone_paid_forgiven": LOWER_THAN_ESTIMATE,
    "exemption_neighbours_push_light_2_surrender_reconciled": EXEMPTION_NOT_REACHED,
    "traffic_truck_death_waited_at_scene_paid_forgiven": LOWER_THAN_ESTIMATE,
    "drugs_ketamine_twelve_grams_ktv": LOWER_THAN_ESTIMATE,
    "drugs_holding_meth_fifteen_point_six_in_a_car": LOWER_THAN_ESTIMATE,
    "gambling_mahjong_parlour_cut_six_thousand": NO_GUIDELINE_QUARTER,
    "unlawful_detention_debtor_held_thirty_hours_in_a_hotel": LOWER_THAN_ESTIMATE,
    "embezzlement_salesman_kept_customer_payments": LOWER_THAN_ESTIMATE,
    "bribes_township_land_officer_six_payments_returned": LOWER_THAN_ESTIMATE,
    "fine_only_electric_fishing_in_the_closed_season": NO_GUIDELINE_QUARTER + "; a fine alone expected",
    "several_e_bike_theft_and_phone_snatching": LOWER_THAN_ESTIMATE
    + " (two detentions combined to 8 months)",
}
