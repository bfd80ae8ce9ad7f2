"""The address code of an ID number (its first six digits) must be a GB/T 2260 division code (python-stdnum's
table), on the intake form, in the service and in everything that generates ID numbers for tests and the demo."""

from datetime import date

import pytest

from leniency.cases import services
from leniency.cases.forms import DefendantIntakeForm
from leniency.cases.identity import check_character, region_name, validate_id_number
from leniency.cases.models import Case
from leniency.demo.names import MIGRANT_ADDRESS_CODES, id_address_code, make_id_number
from leniency.errors import DomainError


def _number(region: str, born="19900501", serial="002") -> str:
    first17 = region + born + serial
    return first17 + check_character(first17)


def test_real_codes_name_their_division_and_abolished_ones_still_count():
    assert region_name("110101") == "北京市东城区"
    assert region_name("110103") == "北京市崇文区"  # abolished in 2010; its people keep their numbers
    assert region_name("990102") is None  # the 99 prefix is given to no province
    assert region_name("110199") is None
    assert region_name("11010") is None


def test_an_unknown_region_code_is_refused_on_the_id_number_field_even_with_a_right_check_character():
    number = _number("990102")  # the check character is right: only the region is wrong
    with pytest.raises(DomainError, match="地区码未知") as error:
        validate_id_number(number, birth_date=date(1990, 5, 1))
    assert error.value.field == "id_number"
    assert "990102" in error.value.message
    assert validate_id_number(_number("350203"), birth_date=date(1990, 5, 1)) == _number("350203")


@pytest.mark.django_db
def test_the_intake_form_and_the_service_refuse_an_unknown_region(world):
    base = {"name": "王某", "gender": "M", "detention": "arrested", "charges": [world.theft.pk]}
    form = DefendantIntakeForm({**base, "id_number": _number("990102"), "birth_date": "1990-05-01"})
    assert not form.is_valid()
    assert list(form.errors) == ["id_number"] and "地区码未知" in form.errors["id_number"][0]
    before = Case.objects.count()
    with pytest.raises(DomainError, match="地区码未知"):
        services.do_register_transfer(
            title="王某盗窃案",
            region=world.region,
            procuratorate=world.procuratorate,
            received_on=date(2026, 10, 8),
            transferring_agency="东区公安分局",
            transfer_document_number="东公刑诉字〔2026〕9号",
            facts="王某窃取商品。",
            defendants=[
                {
                    "name": "王某",
                    "gender": "M",
                    "id_number": _number("000000"),
                    "birth_date": date(1990, 5, 1),
                    "charges": [world.theft],
                }
            ],
            acting_user=world.case_manager,
        )
    assert Case.objects.count() == before


def test_the_demo_generates_numbers_with_real_region_codes_for_its_fictional_districts():
    for home in ("990102", "990105", "990221", "990322", "990901", *MIGRANT_ADDRESS_CODES):
        code = id_address_code(home)
        assert region_name(code), (home, code)
        validate_id_number(make_id_number(code, date(1985, 3, 9), 17, "M"), birth_date=date(1985, 3, 9))
    assert id_address_code("990102") == id_address_code("990102") != "990102"
