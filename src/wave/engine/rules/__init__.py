"""The rules of the critic, one module per rule (registered in `wave.engine.RULES`).

A rule module declares:

- `ID`: the public rule id (SPEC §4), never reused;
- `SEVERITY`: `warning` or `advice` (the default; configuration can change it);
- `TIP`: the toolkit tip (1–10) it comes from, or None;
- `MISCONCEPTION`: the misconception card it comes from (a slug), or None;
- `TITLE`, `WHY`, `TRY`: `{"nl", "en"}` texts — what, why it matters, what to try;
- `FOUND`: `{"nl", "en"}` `str.format` templates for what was found, or
  `{variant: {"nl", "en"}}` when the wording varies (`one`/`many` are chosen
  by the number of activities unless the hit names a variant);
- a docstring that is its documentation, with a *Bad* and a *Good* example;
- `EXAMPLES`: `{"bad": {...}, "good": {...}}`, two small complete `wave.design/v1`
  documents (the rule fires on the bad one and not on the good one), drawn as mini
  waves on the rule's page;
- `check(ctx) -> Iterable[Hit]`: one finding per hit.
"""
