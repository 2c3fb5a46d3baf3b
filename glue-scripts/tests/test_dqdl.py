"""The DQDL ruleset states each spec rule over the typed silver columns."""

from __future__ import annotations

from lakehouse.dqdl import main, quote, render_ruleset
from lakehouse.specs import DatasetSpec


def test_transactions_ruleset_has_the_key_and_one_expression_per_rule(
    specs: dict[str, DatasetSpec],
) -> None:
    ruleset = render_ruleset(specs["transactions"])
    assert ruleset.startswith('Rules = [\n    IsPrimaryKey "transaction_id",\n')
    assert ruleset.endswith("\n]\n")
    for expected in (
        'IsComplete "customer_id"',
        'ColumnValues "quantity" >= 1',
        'ColumnValues "unit_price" >= 0',
        'ColumnValues "currency" in ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "INR", "BRL"]',
        'ColumnValues "transaction_ts" <= (now() + 1 days)',
        'ColumnValues "channel" in ["web", "mobile", "store", "marketplace", "unknown"]',
        'CustomSql "select count(*) from primary where amount is not null '
        'and abs(amount - quantity * unit_price) > 0.01" = 0',
    ):
        assert f"    {expected}" in ruleset.splitlines() or f"    {expected}," in ruleset


def test_ruleset_never_repeats_an_expression(specs: dict[str, DatasetSpec]) -> None:
    lines = render_ruleset(specs["transactions"]).splitlines()[1:-1]
    assert len(lines) == len(set(lines))
    assert lines.count('    IsComplete "transaction_id",') == 1


def test_pattern_rules_escape_backslashes_for_dqdl(specs: dict[str, DatasetSpec]) -> None:
    ruleset = render_ruleset(specs["customers"])
    assert r'ColumnValues "email" matches "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"' in ruleset
    assert quote('a"b') == r'"a\"b"'


def test_cli_prints_rulesets_and_rejects_unknown_datasets(capsys) -> None:
    assert main(["customers"]) == 0
    assert '"customers": "Rules = [' in capsys.readouterr().out
    assert main(["orders"]) == 2
