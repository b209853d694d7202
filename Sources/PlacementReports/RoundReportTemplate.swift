/// The template of report.html, filled from ``RoundReport/Page``. Constant
/// markup only; everything from the round is a `{{value}}` (``HTML``).
enum RoundReportTemplate {
    static let name = "report"
    static let all: [String: String] = [name: page]

    static let page = PageTemplates.page(
        """
        <h1>⟦Placement round⟧ {{name}}</h1>
        <p class="sub">⟦Status:⟧ <strong>{{status}}</strong>\
        {{#interrupted}} ⟦(interrupted: the best solution found before the stop)⟧{{/interrupted}} · allvet {{version}}\
        {{^pseudonymised}} · ⟦input⟧ <code>{{inputHash}}…</code>{{/pseudonymised}}</p>
        {{#pseudonymised}}<p class="note">⟦Pseudonymised: participant ids are replaced by pseudonyms (P-…) that are stable for this round.⟧</p>
        {{/pseudonymised}}\(changes)\(prices)\(glance)\(money)\(whereSection)\(ranks)\(groups)\(timeline)\(quotas)\(unplaced)
        """)

    static let changes = """
        {{#changes}}<section id="changes"><h2>⟦What changed since the previous round⟧</h2>
        <p>⟦{{kept}} of {{counted}} earlier stays are kept.⟧ {{counts}}</p>
        {{#nothing}}<p class="note">⟦Nothing changed for anybody.⟧</p>
        {{/nothing}}{{^nothing}}<div class="scroll">{{#table}}{{>table}}{{/table}}</div>
        {{/nothing}}</section>
        {{/changes}}
        """

    static let money = """
        {{#money}}<section id="money"><h2>⟦Money⟧</h2>
        <p>{{lead}}</p>
        {{#parts}}{{>table}}{{/parts}}
        <h3>⟦By sending country⟧</h3><div class="scroll">{{#byCountry}}{{>table}}{{/byCountry}}</div>
        <h3>⟦By sending organisation⟧</h3><div class="scroll">{{#byOrganisation}}{{>table}}{{/byOrganisation}}</div>
        </section>
        {{/money}}
        """

    static let prices = """
        {{#prices}}<section id="prices"><h2>⟦What each rule costs⟧</h2>
        {{#lines}}<p{{#mark}} class="{{mark}}"{{/mark}}>{{text}}</p>
        {{/lines}}<p class="note">⟦Each price is the first goal's optimum without the rule, against its optimum with it (one re-solve per hard rule; summary.json quotas[].price).⟧</p></section>
        {{/prices}}
        """

    static let glance = """
        <section id="glance"><h2>⟦The round at a glance⟧</h2><div class="tiles">\
        {{#tiles}}<div class="tile"><div class="v">{{value}}</div><div class="k">{{key}}</div></div>{{/tiles}}</div></section>

        """

    static let whereSection = """
        <section id="where"><h2>⟦Who goes where⟧</h2>
        {{^whereTables}}<p class="note">⟦No placements.⟧</p>
        {{/whereTables}}{{#whereTables}}<h3>⟦By host⟧</h3>
        <div class="scroll">{{#byHost}}{{>table}}{{/byHost}}</div>
        <h3>⟦By sending organisation⟧</h3>
        <div class="scroll">{{#bySendingOrg}}{{>table}}{{/bySendingOrg}}</div>
        {{/whereTables}}</section>

        """

    static let ranks = """
        <section id="ranks"><h2>⟦Preference ranks⟧</h2>
        {{#rankChart}}{{>vbars}}{{/rankChart}}{{^rankChart}}<p class="note">⟦No placements.⟧</p>{{/rankChart}}
        </section>

        """

    static let groups = """
        <section id="groups"><h2>⟦Placement rate by group⟧</h2>
        {{#groups}}<h3>{{key}}</h3>
        {{#tooMany}}<p class="note">⟦{{valueCount}} different values: too many to chart.⟧</p>{{/tooMany}}\
        {{^tooMany}}{{#chart}}{{>hbars}}{{/chart}}{{/tooMany}}
        {{/groups}}<h3>⟦placements by host country⟧</h3>
        {{#countryChart}}{{>hbars}}{{/countryChart}}{{^countryChart}}<p class="note">⟦No placements.⟧</p>{{/countryChart}}
        </section>

        """

    static let timeline = """
        <section id="timeline"><h2>⟦Who is where, week by week⟧</h2>
        {{#timeline}}{{>timeline}}{{/timeline}}{{^timeline}}<p class="note">⟦No placements.⟧</p>
        {{/timeline}}</section>

        """

    static let quotas = """
        <section id="quotas"><h2>⟦Quotas⟧</h2>
        {{^quotas}}<p class="note">⟦The policy has no quotas.⟧</p>
        {{/quotas}}{{#quotas}}{{#truncated}}<p class="note">⟦{{count}} rule scopes; the {{shown}} with the least slack are shown (all are in summary.json).⟧</p>
        {{/truncated}}<p>⟦{{met}} of {{count}} bounds met⟧{{#noSolution}} ⟦(no solution: figures of an empty placement)⟧{{/noSolution}}.</p>
        {{#table}}{{>table}}{{/table}}
        {{/quotas}}</section>

        """

    static let unplaced = """
        <section id="unplaced"><h2>⟦Not placed⟧</h2>
        {{^unplaced}}<p>⟦Everyone is placed.⟧</p>
        {{/unplaced}}{{#unplaced}}<p>{{counts}}</p>
        {{#table}}{{>table}}{{/table}}
        {{/unplaced}}</section>

        """
}
