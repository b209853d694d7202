/// The template of a sweep's comparison.html, filled from
/// ``SweepComparison/Page``. Constant markup only; everything from the
/// sweep is a `{{value}}` (``HTML``).
enum ComparisonTemplate {
    static let name = "comparison"
    static let all: [String: String] = [name: page]

    static let page = PageTemplates.page(
        """
        <h1>⟦Sweep of⟧ {{instance}}</h1>
        <p class="sub">⟦{{scenarios}} scenarios⟧ · ⟦{{solved}} with a solution⟧ · ⟦losses against the first scenario,⟧ \
        <strong>{{firstName}}</strong>{{^hasBaseline}} ⟦(which has no solution here: no losses)⟧{{/hasBaseline}}</p>
        <section id="curves"><h2>⟦Trade-off curves⟧</h2>
        {{#curves}}<h3>{{key}}</h3>
        <div class="tiles"><div>{{#placed}}{{>lines}}{{/placed}}</div><div>{{#meanRank}}{{>lines}}{{/meanRank}}</div></div>
        {{#gaps}}<p class="note">⟦Not drawn (no solution):⟧ {{.}}</p>
        {{/gaps}}{{/curves}}{{^curves}}<p class="note">⟦No changed key takes two or more numeric values, so there is no curve; see the table.⟧</p>
        {{/curves}}</section>
        <section id="scenarios"><h2>⟦Scenarios⟧</h2><div class="scroll">
        {{#table}}{{>table}}{{/table}}
        </div></section>
        <p class="note">⟦Placements lost: the first scenario's placements minus this one's. Mean rank lost: this one's mean rank minus the first's.⟧ \
        ⟦A quota's slack is its smallest over the rule's scopes, in placements (negative: short). All figures are in comparison.csv.⟧</p>

        """)
}
