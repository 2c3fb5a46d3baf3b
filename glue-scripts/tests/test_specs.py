"""Specs load from datasets/ and invalid specs are rejected with the field named."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from lakehouse.resources import REPO_ROOT
from lakehouse.specs import SpecError, parse_spec, select_specs


def transactions_document() -> dict[str, Any]:
    text = (REPO_ROOT / "datasets" / "transactions.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_shipped_specs_define_the_contract_columns_and_keys(specs) -> None:
    assert set(specs) == {"transactions", "customers"}
    assert specs["transactions"].key == ("transaction_id",)
    assert specs["customers"].key == ("customer_id",)
    assert specs["transactions"].column_names == (
        "transaction_id",
        "customer_id",
        "product_id",
        "quantity",
        "unit_price",
        "currency",
        "transaction_ts",
        "status",
        "channel",
        "amount",
    )
    assert specs["customers"].field("segment").optional
    assert specs["transactions"].field("amount").derive_multiply == ("quantity", "unit_price")


def broken(change) -> dict[str, Any]:
    document = copy.deepcopy(transactions_document())
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(key=["nope"]), "key: unknown column 'nope'"),
        (lambda d: d["rules"][0].update(check="exists"), "rules[0]: check must be one of"),
        (lambda d: d["rules"][0].update(name="malformed"), "reserved"),
        (lambda d: d["rules"][1].update(name="missing_transaction_id"), "rule names must be"),
        (lambda d: d["rules"][5].pop("values"), "rules[5]: check allowed_values needs values"),
        (lambda d: d["schema"][3].update(type="float"), "schema.quantity: type must be"),
        (lambda d: d.update(formats=["xml"]), "formats: each format must be"),
        (lambda d: d["rules"][3].update(column="currency"), "needs a numeric column"),
    ],
)
def test_invalid_specs_are_rejected_naming_dataset_and_field(change, message: str) -> None:
    with pytest.raises(SpecError, match="dataset transactions") as error:
        parse_spec(broken(change))
    assert message in str(error.value)


def test_datasets_argument_selects_specs_in_order_and_rejects_unknown(specs) -> None:
    assert [s.name for s in select_specs(specs, "customers, transactions")] == [
        "customers",
        "transactions",
    ]
    with pytest.raises(SpecError, match="unknown dataset"):
        select_specs(specs, "transactions,orders")
