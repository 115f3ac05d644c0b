//! The relation rules: patterns over masked sentences.
//!
//! A pattern is written with a few templates, expanded once at build time:
//! `{S}`/`{S2}` capture the subject list, `{O}`/`{O2}` the object list, `{OX}`
//! an object list that may follow another party's possessive ("OpenAI's rival
//! Anthropic" gives Anthropic), `{g}`/`{G}` a gap that crosses no party (so
//! the nearest party on each side is taken), `{gr}` one that may cross
//! pronouns, `{W}` a wide gap that crosses anything but a semicolon (gaps are
//! unbounded within the sentence: counted repetitions made the automata ten
//! times slower), `{w}`/`{w5}` up to three/five lower-case
//! words, `{P}` an optional and `{PR}` a required possessive, `{A}` an
//! optional apposition or parenthetical after a party ("Amazon, while invested
//! in Anthropic, is ...").

use dealwire_core::RelationType;

/// How the captured lists become relations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Every subject with every object; without an object, an investor rule
    /// takes the article's current investee.
    Directed(RelationType),
    /// Every pair within the subject list (at least two members).
    Mutual(RelationType),
    /// The object becomes the article's current investee; no relation.
    Focus,
    /// The subject of the latest acquirer relation in the sentence, to every object.
    SameSubject(RelationType),
}

/// Rule flags.
pub(crate) mod flag {
    /// Never attach an amount.
    pub const NO_AMOUNT: u16 = 1;
    /// A majority or controlling stake turns the investor into an acquirer.
    pub const STAKE: u16 = 2;
    /// "rival"/"competitor" just before a party adds a rival relation.
    pub const RIVAL_DESC: u16 = 4;
    /// The trigger is a noun, so a possessive subject owns it ("X's deal with Y").
    pub const NOUN_TRIGGER: u16 = 8;
    /// The subject leads a round: without an amount in its sentence it takes
    /// the amount the round was announced with ("X raised $30m. The round
    /// was led by Y").
    pub const LEAD: u16 = 16;
    /// A standing role ("backed by Y", "Y's investors"), not an event: cues
    /// for rumours or older news elsewhere in the sentence are not about it.
    pub const ROLE: u16 = 32;
    /// The match is itself a rival bid: "a rival offer" in its sentence does
    /// not mark it terminated.
    pub const OWN_BID: u16 = 64;
}

/// One rule as written.
pub(crate) struct RuleDef {
    pub method: &'static str,
    pub shape: Shape,
    pub confidence: f32,
    pub flags: u16,
    pub pattern: &'static str,
    /// A pattern that, found in the `gap` group (or the match), discards the match.
    pub veto: Option<&'static str>,
}

use RelationType::{Acquirer, Investor, Partner, Rival, Subsidiary, Supplier};
use Shape::{Directed, Focus, Mutual, SameSubject};

const INVEST: &str = "(?:invest|invests|invested|investing|injected|injects|inject|injecting|poured|pours|pour|pouring|put|puts|putting|pumped|pumps|pump|pumping|plowed|plows|plowing|ploughed|ploughs|ploughing|sank|sunk|sinking)";
const STAKE_VERB: &str = "(?:took|take|takes|taking|acquired|acquire|acquires|acquiring|bought|buy|buys|buying|holds|hold|held|holding|owns|own|owned|built|build|builds|building|has|have|had|paying|pay|pays|paid|received|receives|secured|amassed|increased|raised|lifted|boosted|upped|cut|trimmed|retains|retained|keeps|kept|purchased|purchase|purchases)";
const RAISE: &str = "(?:raised|raises|raise|raising|secured|secures|secure|closed|closes|landed|lands|received|receives|got|gets|drew|drawn|draws|attracted|pulled in|brought in|completed|won|wins)";
const ROUND: &str = "(?:round|rounds|financing|funding|raise|fundraise|fundraising|series [a-h]\\d?|seed|investment|capital raise)";
const BUY: &str = "(?:buy back|buys back|bought back|buying back|acquire|acquires|acquired|acquiring|buy|buys|bought|buying|purchase|purchases|purchased|purchasing|take over|takes over|took over|taking over|snap up|snaps up|snapped up|snapping up|absorb|absorbs|absorbed|swallow|swallows|swallowed)";
const DEAL_NOUN: &str = "(?:agreement|agreements|deal|deals|contract|contracts|partnership|partnerships|alliance|alliances|pact|pacts|collaboration|collaborations|joint venture|venture|arrangement|arrangements|accord|memorandum of understanding|tie-up|license|licence|licensing deal|mou|relationship|cooperation)";
const UNIT: &str = "(?:unit|units|division|divisions|subsidiary|subsidiaries|arm|arms|affiliate|affiliates|studio|studios|lab|labs|laboratory|subsidiary|branch|segment)";
const RIVAL_NOUN: &str = "(?:rival|rivals|competitor|competitors|challenger|challengers|nemesis|arch-rival|archrival|arch-rivals|archrivals|foe|foes)";
const SUPPLIER_NOUN: &str = "(?:provider|providers|supplier|suppliers|vendor|vendors|foundry|manufacturer|contractor|licensor|distributor)";

/// Parts of a company that a merger "with" another party may join: then the
/// companies form a venture.
const MERGED_PARTS: &str = "\\b(?:business|businesses|operations|operation|units?|divisions?|activities|arms?|assets|networks)\\b";

/// "its former unit": a tie that has ended.
const FORMER: &str = "\\b(?:former|onetime|one-time|erstwhile|ex)\\b";

/// Words of selling: a stake sold is the seller's exit, not its investment.
pub(crate) const SELLING: &str = "\\b(?:sell|sells|sold|selling|offload|offloads|offloaded|divest|divests|divested|dispose|disposed)\\b";

/// The rules, in no particular order: all matches of all rules are collected.
pub(crate) const RULES: &[RuleDef] = &[
    // ---- investor
    RuleDef {
        method: "investor.verb_in",
        shape: Directed(Investor),
        confidence: 0.9,
        flags: 0,
        pattern: "{S}{A}{g}\\b{INVEST}\\b{g} (?:in|into) (?:{OX}|(?:the|this|that) (?:deal|round|transaction|financing|company|business|start-up|startup))",
        veto: None,
    },
    RuleDef {
        // "X invested alongside Y in Z": both put money in.
        method: "investor.alongside",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b{INVEST}\\b{g} alongside (?:{w})?{S2}{g} (?:in|into) {OX}",
        veto: None,
    },
    RuleDef {
        // "X invested in Z alongside Y".
        method: "investor.in_alongside",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b{INVEST}\\b{g} (?:in|into) {OX},? (?:alongside|along with|together with) (?:{w})?{S2}",
        veto: None,
    },
    RuleDef {
        // "X has committed up to $4 billion to Y": money promised to a party.
        method: "investor.committed",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:committed|commits|commit|committing|pledged|pledges|pledge|pledging)\\b (?:{w})?@m\\d+ (?:to|into) {OX}",
        veto: None,
    },
    RuleDef {
        method: "investor.noun_in",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::STAKE,
        pattern: "{S}{P}{g}\\b(?:investment|investments|stake|stakes|holding|holdings|backing|funding|bet)\\b(?: of {g})? in {OX}",
        veto: Some(SELLING),
    },
    RuleDef {
        method: "investor.stake",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: flag::STAKE,
        pattern: "{S}{A}{g}\\b{STAKE_VERB}\\b{g}\\bstakes?\\b(?: of{g})? (?:in|of) {OX}",
        veto: Some(SELLING),
    },
    RuleDef {
        // "X sold a 10% stake to Y": a stake in the seller itself, with no
        // other company named between the stake and the buyer.
        method: "investor.sold_own_stake",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::STAKE,
        pattern: "{O}{A}{g}\\b(?:sold|sells|sell|selling|issued|issues|issue|issuing)\\b (?:a|an) (?:[a-z0-9.%-]+ ){0,3}(?:stake|holding|shareholding)\\b (?:{w})?to {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.owns_pct",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: flag::STAKE,
        pattern: "{S}{g}\\b(?:owns|own|owned|holds|hold|held|has|retains|retained|keeps|controls|took|take|takes|acquired|acquire|bought|buy|buys|will take|to take)\\b(?: about| roughly| around| nearly| some| almost| more than| just over| just under| a further| another| the remaining| the other| the outstanding| the)? (?:\\d+(?:\\.\\d+)?(?:%| per ?cent| percent)|(?:a|one) (?:third|quarter|fifth|tenth)|half|two-thirds|three-quarters)(?: stake)? (?:of|in) {OX}",
        veto: None,
    },
    RuleDef {
        method: "investor.with_stake",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::STAKE,
        pattern: "{S} with (?:a|an) {w}stake\\b{g} in {OX}",
        veto: None,
    },
    RuleDef {
        method: "investor.in_which",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::STAKE,
        pattern: "{O}, in which {S}{g}\\b(?:holds|has|owns|took|takes|invested|acquired|bought|held|had|built)\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.raised_from",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: 0,
        pattern: "{O}{A}{g}\\b{RAISE}\\b{G}\\b(?:from|led by|co-led by|headed by|backed by|anchored by)\\b{g}{S}",
        // "received a takeover approach from Y", "got an order from Y",
        // "attracted interest from Y", "raised $500 million in debt from
        // banks": not equity put in.
        veto: Some(
            "\\b(?:takeover|approach|approaches|bid|bids|offer|offers|proposal|proposals|order|orders|complaint|complaints|lawsuit|request|requests|letter|notice|warning|grant|grants|licen[cs]e|contract|contracts|interest|approval|approvals|support|praise|clearance|permission|consent|vote|votes|endorsement|award|awards|prize|control|stake|stakes|debt|loan|loans|credit|bond|bonds|borrowing|borrowings|refinancing|mortgage)\\b",
        ),
    },
    RuleDef {
        method: "investor.round_led_by",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::LEAD,
        pattern: "\\b{ROUND}\\b{g}\\b(?:led|co-led|headed|anchored) by {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.round_included",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT,
        pattern: "\\b{ROUND}\\b,? (?:which|that) (?:also )?(?:included|includes|drew|drew in|attracted|saw participation from)\\b (?:(?:existing |new )?(?:investors?|backers?) )?{S}",
        veto: None,
    },
    RuleDef {
        method: "investor.participation",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT,
        pattern: "\\b(?:participation from|participation by|participation of|joined by|alongside existing (?:investors?|backers?)|along with existing (?:investors?|backers?)|backers including|investors including|investors such as|investors, including|backers, including|investors like|backers such as)\\b{g}{S}",
        veto: None,
    },
    RuleDef {
        method: "investor.joining",
        shape: Directed(Investor),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        pattern: "\\bwith {S} (?:also )?(?:joining|participating|taking part|investing)\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.investments_from",
        shape: Directed(Investor),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        // "from former Acme chief executive X": the investor is the person.
        pattern: "\\b(?:investments?|backing|funding|contributions?) from {g}(?:(?:former |ex-)?@p\\d+ (?:[a-z][a-z-]* ){0,2}(?:executive|founder|co-founder|chairman|boss|president|chief) )?{S}",
        veto: None,
    },
    RuleDef {
        // "Y has the backing of X".
        method: "investor.backing_of",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}{A}{g}\\b(?:has|have|had|won|wins|enjoys|enjoyed|secured|secures|with) the (?:financial |full )?backing of {S}",
        veto: None,
    },
    RuleDef {
        // "Y is a portfolio company of X".
        method: "investor.portfolio_company_of",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}{g}\\b(?:is|was|are|were|became|becomes|remains) (?:a |an |one of )?(?:{w})?portfolio compan(?:y|ies) of {S}",
        veto: None,
    },
    RuleDef {
        // "X wrote a $20 million check to Y".
        method: "investor.wrote_check",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:wrote|writes|write|writing|cut|cuts|cutting)\\b (?:a|an|another|the|its) (?:@m\\d+ )?(?:{w})?(?:check|cheque) (?:to|for|into|in) {OX}",
        veto: None,
    },
    RuleDef {
        // "X doubled down on Y with a $20 million investment".
        method: "investor.doubled_down",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:doubled down|doubles down|doubling down|double down) on {OX} with (?:a|an|another|its|fresh|new) (?:@m\\d+ )?(?:{w})?(?:investment|bet|stake|funding|cash injection)\\b",
        veto: None,
    },
    RuleDef {
        // "Y's $20 million round drew X and Z".
        method: "investor.round_drew",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{O}{PR} (?:@m\\d+ )?(?:{w})?(?:round|raise|financing|funding|series [a-h]\\d?)\\b{g}\\b(?:drew|draws|attracted|attracts|included|includes|featured|features|brought in|brings in)\\b (?:{w})?{S}",
        veto: None,
    },
    RuleDef {
        // "The funding came from X": the investee is the article's current one.
        method: "investor.came_from",
        shape: Directed(Investor),
        confidence: 0.7,
        flags: flag::LEAD,
        pattern: "\\b(?:funding|financing|money|investment|capital|cash|round)\\b(?: (?:for|in) {O})? (?:came|comes|is coming|was coming|was provided|were provided|is provided) (?:from|by) (?:{w})?{S}",
        veto: None,
    },
    RuleDef {
        // "X and Y put money in": the investee is the article's current one.
        method: "investor.put_money_in",
        shape: Directed(Investor),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:put|puts|poured|pours|pumped|pumps|injected|injects)\\b (?:more |fresh |new )?(?:money|cash|capital|funds) in(?:to the (?:round|company|business|start-up|startup))?[.;,]",
        veto: None,
    },
    RuleDef {
        method: "investor.took_part",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT,
        pattern: "{S}(?P<skip>, {W},)? (?:{w})?(?:took part|take part|taking part|participated|participate|participating|joined|join|joining|co-invested|also invested|invested)\\b(?: in)?(?: (?:the|this|its|that|{O}{PR}))? (?:{w})?(?:@m\\d+ )?(?:{w})?{ROUND}\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.took_part_bare",
        shape: Directed(Investor),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        pattern: "{S}(?P<skip>, {W},)? (?:also |too |as well )?(?:(?:took part|participated|co-invested|invested personally|are also expected to take part|are expected to take part|is also expected to take part|is expected to take part|are also expected to participate|is expected to participate)\\b|invested(?: too| as well)?(?:[.,;]|$))",
        veto: None,
    },
    RuleDef {
        method: "investor.as_did",
        shape: Directed(Investor),
        confidence: 0.6,
        flags: flag::NO_AMOUNT,
        pattern: "\\b(?:took part|participated|invested|joined)\\b[^;]{0,80}?, as did {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.leads_round_of",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: flag::LEAD,
        pattern: "{S}{A}{g}\\b(?:led|leads|lead|co-led|co-leads|leading|headed|heads|anchored|anchors)\\b (?:the |a |an |this )?{OX}{P} {g}\\b{ROUND}\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.leads_round",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::LEAD,
        pattern: "{S}{A}{g}\\b(?:led|leads|lead|co-led|co-leads|leading|headed|heads|anchored|anchors)\\b (?:the |a |an |this |its |their )?{g}\\b{ROUND}\\b(?:{g}\\b(?:in|for|into|of) {OX})?",
        veto: None,
    },
    RuleDef {
        method: "investor.backed_adj",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{S}-(?:backed|funded|financed|supported) (?:{w})?{O}",
        veto: None,
    },
    RuleDef {
        // "X is a Lux Capital-backed start-up".
        method: "investor.is_backed_adj",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}{A}{g}\\b(?:is|was|are|were|remains|became|, a|, an) (?:an? |the )?(?:@g\\d+ )?(?P<s>@p\\d+)-(?:backed|funded|financed|supported)\\b",
        veto: None,
    },
    RuleDef {
        // "The $40 million round for X was led by Y".
        method: "investor.round_for_led_by",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: 0,
        pattern: "\\b{ROUND} (?:for|in|into) {OX}{g}\\b(?:led|co-led|headed|anchored) by {S}",
        veto: None,
    },
    RuleDef {
        // "Lux Capital's $40 million bet on X".
        method: "investor.bet_on",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{PR} (?:[a-z-]+ )?@m\\d+ (?:[a-z-]+ )?(?:bet|bets|wager|wagers) on {OX}",
        veto: None,
    },
    RuleDef {
        // "Y, a X-backed start-up".
        method: "investor.appos_backed",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}, (?:an? |the )?{S}-(?:backed|funded|financed|supported)\\b",
        veto: None,
    },
    RuleDef {
        // "Y, a portfolio company of X".
        method: "investor.portfolio_company",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}, (?:an? |the |one )?(?:[a-z-]+ )?portfolio (?:company|companies|firm|business) of {S}",
        veto: None,
    },
    RuleDef {
        // "Y, which X backs": the backer inside a relative clause about Y.
        method: "investor.which_backs",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O},? (?:which|that) {S} (?:also |already |now |still |has long |had long )?(?:backs|backed|funds|funded|bankrolls|bankrolled|has backed|had backed|has funded)\\b",
        veto: None,
    },
    RuleDef {
        // "Y, a X portfolio company": the backer named as a modifier of the
        // role noun in an apposition (partners, suppliers and customers have
        // rules of the same form below).
        method: "investor.appos_portfolio",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}, (?:a|an|one) (?:of )?{S}(?:'s|')? (?:portfolio|investee) (?:company|companies|firm|business)\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.backs",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT,
        pattern: "{S}(?:, (?:which|who) (?:also |already |has |have |had |long )*|{A}{g}\\b)(?:backs|backed|backing|funds|funded|funding|bankrolls|bankrolled|bankrolling)\\b {OX}",
        veto: None,
    },
    RuleDef {
        method: "investor.backed_by",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        // "X, the payments company backed by Y": an apposition may name X's kind first.
        pattern: "{O}{A}{g}\\b(?:is|are|was|were|has been|have been|had been|being|which is|which was|that is|itself|,(?: (?:the|a|an) (?:[a-z0-9-]+ ){0,4}(?:company|firm|start-up|startup|group|developer|maker|platform|lender|provider|operator|business|app|insurer|bank|fund))?) (?:also |largely |partly |heavily |already |now )?(?:backed|funded|financed|bankrolled) by {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.role_in",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{S}{A},? (?:is |was |are |were |remains |became |has been |had been |have been |as )?(?:an|a|the|one of the|among the|its|their) {w}(?:investor|investors|backer|backers|shareholder|shareholders|stakeholder|part-owner|part-owners|co-owner|co-owners|minority owner|minority owners) (?:in|of) {OX}",
        veto: None,
    },
    RuleDef {
        method: "investor.role_poss",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{S}{g}\\b(?:is|was|are|were|remain|remains|became|becomes|become|as|,) (?:now |also |both |still |at once )?{CO}(?:the |a |an |one of |among )?{O}{PR} {w}(?:investor|investors|backer|backers|shareholder|shareholders|stakeholder|owner|owners)\\b",
        veto: None,
    },
    RuleDef {
        // "Y's largest shareholder, X, backed the deal".
        method: "investor.poss_role_named",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        // The noun is singular: one party follows ("... shareholder X and Y agreed").
        pattern: "{O}{PR} (?:{w})?(?:investor|backer|shareholder|stakeholder),? (?P<s>@p\\d+)\\b",
        veto: Some(FORMER),
    },
    RuleDef {
        method: "investor.whose_investors",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}, whose (?:{w})?(?:investors|backers|shareholders) (?:include|included|are|were) {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.round_investors",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT,
        pattern: "\\b(?:investors|participants|backers) in the (?:{w})?{ROUND}\\b,? (?:included|include|were|are|also included) {S}",
        veto: None,
    },
    RuleDef {
        // "The investment from X values Y at $3 billion".
        method: "investor.from_values",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:investment|investments|funding|financing|round|backing|injection|cash injection) (?:led )?(?:from|by) {S}{g}\\b(?:values|valued|valuing|value)\\b {OX}",
        veto: None,
    },
    RuleDef {
        // "X won a contract to make chips for Y".
        method: "supplier.contract_to_make",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:won|wins|secured|secures|landed|lands|signed|signs|clinched|bagged|received|receives)\\b{g}\\b(?:contract|contracts|deal|order|orders|agreement)\\b to (?:supply|make|build|provide|manufacture|produce|deliver|design|assemble) (?:{w})?(?:for|to) {OX}",
        veto: None,
    },
    RuleDef {
        // "WhatsApp parent Meta": the parent named right after its unit.
        method: "subsidiary.parent_appos",
        shape: Directed(Subsidiary),
        confidence: 0.75,
        flags: 0,
        pattern: "{S} (?:parent|parent company|parent group|owner) {O}",
        veto: None,
    },
    RuleDef {
        method: "investor.poss_investors",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "{O}{PR} {w}(?:investors|backers|shareholders),? (?:include |including |such as |like |are )?{S}",
        veto: None,
    },
    RuleDef {
        // "Investors in Y include X and Z".
        method: "investor.investors_in_include",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::NO_AMOUNT | flag::ROLE,
        pattern: "\\b(?:investors|backers|shareholders) (?:in|of) {O},? (?:include|included|including|are|were) {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.buy_shares",
        shape: Directed(Investor),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{g}\\b(?:buy|buys|bought|buying|purchase|purchased|purchases|acquire|acquired|received|receives|receive|subscribe to|subscribed to|take|took)\\b{g}{O}{P} (?:stock|shares|equity|convertible)",
        veto: None,
    },
    RuleDef {
        // "X bought shares of Y on the open market".
        method: "investor.shares_of",
        shape: Directed(Investor),
        confidence: 0.75,
        flags: flag::STAKE,
        pattern: "{S}{g}\\b(?:buy|buys|bought|buying|purchase|purchased|purchases|acquire|acquired|acquires)\\b (?:(?:[a-z][a-z-]* ){0,2}|@m\\d+ (?:worth )?of )(?:shares|stock|equity) (?:of|in) {OX}",
        veto: Some("\\b(?:back|own)\\b"),
    },
    RuleDef {
        method: "investor.role_prefix",
        shape: Directed(Investor),
        confidence: 0.65,
        flags: flag::NO_AMOUNT,
        pattern: "\\b(?:seed|lead|early|existing|anchor|strategic) (?:investor|investors|backer|backers) {S}",
        veto: None,
    },
    RuleDef {
        method: "investor.focus",
        shape: Focus,
        confidence: 0.5,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:raised|raises|has raised|had raised|is raising|secured|secures|closed|closes|landed|lands)\\b (?:{w})?@m\\d+",
        veto: None,
    },
    RuleDef {
        // "Its first funding round ... included investments from Y": a round's
        // possessor is the company raising it.
        method: "investor.focus_own_round",
        shape: Focus,
        confidence: 0.5,
        flags: 0,
        // Not "its first investment": that is a stake it takes, not a round it raises.
        pattern: "{O}{PR} (?:{w})?(?:round|financing|fundraising|fundraise)\\b",
        veto: None,
    },
    RuleDef {
        // "X was valued at $5bn in a $150m round led by Y": the valuation names
        // the company whose round the sentence goes on to describe.
        method: "investor.focus_valued",
        shape: Focus,
        confidence: 0.5,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:was|were|is|has been|had been|have been) valued at @v\\d+ (?:in|after|following|through) an? (?:@m\\d+ )?(?:{w})?{ROUND}\\b",
        veto: None,
    },
    // ---- acquirer
    RuleDef {
        method: "acquirer.verb",
        shape: Directed(Acquirer),
        confidence: 0.85,
        flags: flag::RIVAL_DESC,
        pattern: "{S}{A}{g}\\b{BUY}\\b (?P<gap>(?:[a-z][a-z-]* ){0,4})(?:, )?{OX}",
        veto: Some(
            "\\b(?:that|which|who|by|from|back|stake|stakes|shares|minority|stock|equity|bonds|assets|capacity|chips)\\b",
        ),
    },
    RuleDef {
        method: "acquirer.passive",
        shape: Directed(Acquirer),
        confidence: 0.85,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:was|were|is|are|be|been|being|has been|had been|will be|would be|to be)\\b (?:{w})?(?:acquired|bought|purchased|taken over|taken private|snapped up|absorbed)\\b{g}\\bby (?:a group led by |a consortium led by |{w})?{S}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.sold_passive",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{g}\\b(?:was|were|is|are|has been|had been|will be|would be|is being|to be|being)\\b (?:{w})?sold\\b (?:by (?:(?:its|the) (?:[a-z-]+ ){0,2})?@[pr]\\d+ )?(?:{w})?to (?:{w5})?{S}",
        veto: None,
    },
    RuleDef {
        // "X outbid Y for Z": the winning bidder.
        method: "acquirer.outbid",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:outbid|outbids|outbidding|outbidded)\\b (?:(?:the )?(?:[a-z][a-z-]* )?(?:rival )?@[pr]\\d+ |(?:[a-z][a-z-]* ){1,3})?(?:for|to buy|to acquire|to win|in the (?:[a-z-]+ )?for) {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.noun",
        shape: Directed(Acquirer),
        confidence: 0.85,
        flags: flag::RIVAL_DESC,
        pattern: "{S}{A}{P}{g}\\b(?:(?:acquisition|acquisitions|purchase|takeover|buyout|bid|offer|approach|deal|merger|tender offer|proposal|agreement|attempt|plan|plans|effort|pursuit)\\b (?:of|for|to buy|to acquire|to take over|to take control of|to purchase)|approach to) (?P<gap>(?:[a-z][a-z-]* ){0,3}){OX}",
        veto: Some(
            "\\b(?:that|which|who|from|stake|stakes|shares|minority|stock|equity|capacity|chips)\\b",
        ),
    },
    RuleDef {
        method: "acquirer.take_private",
        shape: Directed(Acquirer),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:take|takes|took|taking|taken)\\b {OX} private\\b",
        veto: None,
    },
    RuleDef {
        method: "acquirer.won_auction",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:won|wins|win|winning)\\b (?:the |an |a )?(?:auction|bidding war|bidding|race|contest)\\b (?:for|to buy|to acquire) {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.noun_by",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:acquisition|purchase|takeover|buyout)\\b of {O} by {S}",
        veto: None,
    },
    RuleDef {
        // "Y agreed to a $2 billion takeover by X".
        method: "acquirer.target_agreed",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:agreed to|agrees to|accepted|accepts|backed|backs|approved|approves|recommended|welcomed)\\b (?:an? |the )?(?:@m\\d+ )?(?:{w})?(?:takeover|acquisition|buyout|purchase)\\b (?:{w})?by {S}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.offer_from",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:offer|bid|approach|proposal)\\b{g}\\bfrom{g}{S}{g}\\b(?:to (?:take control of|buy|acquire|take over|purchase)|for) (?:{w})?{OX}",
        veto: None,
    },
    RuleDef {
        // "X's board rejected Y's $40-a-share proposal".
        method: "acquirer.poss_offer_answered",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{O}{P}{g}\\b(?:rejected|rejects|rebuffed|spurned|turned down|snubbed|accepted|accepts|welcomed|backed|recommended)\\b {S}{PR} (?:(?:@[mvq]\\d+\\S*|[a-z0-9-]+) ){0,3}?(?:offer|bid|proposal|approach|overture|takeover offer|takeover bid|buyout offer)\\b",
        veto: None,
    },
    RuleDef {
        // "Y approached X about a possible offer".
        method: "acquirer.approached_about",
        shape: Directed(Acquirer),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:approached|approaches|approach|approaching)\\b {O} (?:about|over|with|regarding) (?:a |an )?(?:[a-z-]+ ){0,2}?(?:offer|bid|takeover|deal|merger|combination|acquisition|tie-up|buyout)\\b",
        veto: None,
    },
    RuleDef {
        method: "acquirer.offer_received",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{g}\\b(?:rejected|rejects|rebuffed|spurned|walked away from|turned down|accepted|accepts|received|receives|is weighing|is considering|is reviewing)\\b{g}\\b(?:offer|bid|approach|proposal)\\b from {g}{S}",
        veto: None,
    },
    RuleDef {
        // "Y rebuffed X's approach": the bidder's own offer, named by its possessive.
        method: "acquirer.poss_offer_rejected",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{g}\\b(?:rejected|rejects|rebuffed|rebuffs|spurned|spurns|turned down|turns down|snubbed|snubs)\\b (?:an? )?{S}{PR} (?:{w})?(?:offer|bid|approach|proposal|overture|overtures)\\b",
        veto: None,
    },
    RuleDef {
        // "X offered $5bn for Y": a price put on a company is a bid for it.
        method: "acquirer.offered_for",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:offered|offers|offer|offering|bid|bids|bidding)\\b (?:about |around |roughly |nearly |more than |up to |as much as |at least )?@m\\d+ (?:in cash |in stock |in cash and stock )?for {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.merge",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{P}{g}\\b(?:merge|merges|merged|merging|combine|combines|combining|merger|combination)\\b(?P<gap> (?:@r\\d+(?:'s|') )?(?:{w})?)with {OX}",
        // "merging their space businesses with Y" joins parts of the companies:
        // a venture (`partner.merge_units`), not a merger.
        veto: Some(MERGED_PARTS),
    },
    RuleDef {
        method: "partner.merge_units",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{P}{g}\\b(?:merge|merges|merged|merging|combine|combines|combined|combining)\\b(?P<gap> (?:@r\\d+(?:'s|') |its |their )?(?:[a-z][a-z-]* ){0,2}(?:business|businesses|operations?|units?|divisions?|activities|arms?|assets|networks?) )with {OX}",
        veto: None,
    },
    RuleDef {
        // "X and Y agreed to merge", "plan to combine their businesses": the
        // merger of a subject list, with no "with" after the verb; what
        // "their" names must be a business ("merge their apps" is no merger).
        method: "acquirer.merge_together",
        shape: Mutual(Acquirer),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{g}\\b(?:(?:merge|merged|combine|combined)\\b(?: (?:their|the two|both) (?:[a-z-]+ ){0,2}(?:businesses|business|operations|companies|units|divisions|firms|groups|banks|brands|assets|activities|networks|subsidiaries)\\b| (?:in|on|by|into|after|later|this|next|at|under|as|to create|to form)\\b|[.,;]|$)|(?:merger|combination|tie-up) (?:talks|negotiations|discussions)\\b|(?:into|signed|reached|struck) an? (?:definitive |final |formal )?(?:merger|combination) agreement\\b|their (?:[a-z-]+ ){0,2}(?:merger|combination|tie-up)(?: (?:plan|plans|talks|deal|agreement|proposal))?(?:[.,;]|$| (?:in|on|after|because|amid|following|over|last|this|earlier|was|is|will|would)\\b))",
        veto: None,
    },
    RuleDef {
        method: "acquirer.merger_between",
        shape: Mutual(Acquirer),
        confidence: 0.7,
        flags: 0,
        pattern: "\\b(?:merger|combination)\\b (?:{w})?(?:between|of) {S}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.sell_to",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: flag::RIVAL_DESC,
        pattern: "\\b(?:sell|sells|sold|selling|divest|divests|divested|offload|offloads|offloaded|sale of)\\b{gr}{OX}(?:{g}|(?P<skip>, {W},)) to (?:{w5})?(?:led by )?{S}",
        // "X was sold by Y to Z": Y is the seller, not what was sold.
        veto: Some("^[a-z]+ (?:of )?by\\b"),
    },
    RuleDef {
        // "Rival Z is also weighing an offer": a bid with no object in its
        // sentence is for the target the article named before.
        method: "acquirer.bid_for_target",
        shape: Directed(Acquirer),
        confidence: 0.7,
        flags: flag::OWN_BID,
        pattern: "{S}{A}{g}\\b(?:weighing|considering|preparing|mulling|exploring|readying|made|submitted|lodged|tabled|launched|weighs|considers|prepares|mulls|explores|make|submit|lodge|table|launch)\\b (?:a |an |its own |their own |a rival |a competing |a separate |a possible |a potential )?(?:@m\\d+ )?(?:[a-z-]+ ){0,2}?(?:offer|bid|counterbid|counteroffer|counter-offer|counter-bid|approach|proposal)\\b(?P<gap>(?:[^@;]|@[mvqx]\\d+)*)$",
        veto: Some("^ (?:for|to buy|to acquire|to take over|of|from|with)\\b"),
    },
    RuleDef {
        // "X has held talks with Y about a merger".
        method: "acquirer.talks_about_merger",
        shape: Directed(Acquirer),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:held|holds|hold|holding|had|has had|opened|began|started|entered|is in|are in|were in) (?:[a-z-]+ )?(?:talks|discussions|negotiations) with {O} (?:about|over|on|regarding) (?:a |an |the |their )?(?:possible |potential |proposed )?(?:merger|combination|tie-up)\\b",
        veto: None,
    },
    RuleDef {
        // "X and Y are exploring a combination".
        method: "acquirer.exploring_combination",
        shape: Mutual(Acquirer),
        confidence: 0.7,
        flags: 0,
        pattern: "{S} (?:are|were|have been|had been) (?:exploring|discussing|considering|weighing|studying|in talks about|in talks over) (?:a |an )?(?:possible |potential )?(?:merger|combination|tie-up)\\b",
        veto: None,
    },
    RuleDef {
        // "X is exploring a sale to Y", "X approved its sale to Y": the subject is sold.
        method: "acquirer.sale_to_subject",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:exploring|explore|explores|explored|considering|consider|considers|considered|weighing|weigh|weighs|weighed|approved|approve|approves|agreed|agree|agrees|negotiating|negotiated|discussing|discussed|pursuing|pursue|pursued|completed|complete|completes|finalized|finalised|announced|announces) (?:to |on )?(?:its |a |an |the )?(?:possible |potential |proposed |planned |pending )?sale to {S}",
        veto: None,
    },
    RuleDef {
        // "The deal gives X full ownership of Y".
        method: "acquirer.gives_control",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "\\b(?:gives|give|gave|giving|hands|hand|handed|handing)\\b {S} (?:full |complete |sole |total |outright |majority |effective )?(?:ownership|control) of {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.relative",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}, (?:{w5}|@p\\d+ )(?:that|which) {S} (?:had |has |later |eventually )?(?:bought|acquired|purchased|took over)\\b",
        veto: None,
    },
    RuleDef {
        method: "acquirer.whose_offer",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}, whose (?:own |earlier |previous |rival |competing )?(?:@m\\d+ )?(?:{w})?(?:offer|bid|approach|proposal|takeover offer|takeover bid) {O} (?:had )?(?:rejected|rebuffed|spurned|turned down|accepted|snubbed)\\b",
        veto: None,
    },
    RuleDef {
        // "its own" refers back to the clause subject, whatever the pronoun resolved to.
        method: "acquirer.own_deal",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S} (?:{w})?(?:struck|strikes|made|makes|launched|launches|sealed|seals|clinched|agreed|signed|signs|announced|announces|completed|closed|pursued|unveiled) @r\\d+(?:'s|')? own (?:@m\\d+ )?(?:{w})?(?:deal|bid|offer|takeover|acquisition|purchase|approach|agreement) (?:for|of|to buy|to acquire) {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.appos_passive",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}, (?:later |since |once |recently |originally |itself |eventually )?(?:acquired|bought|purchased|taken over|snapped up|absorbed) by (?:a group led by |a consortium led by |{w})?{S}",
        veto: None,
    },
    RuleDef {
        // "the Microsoft-Activision merger": the first of a hyphenated pair buys.
        method: "acquirer.hyphen_pair",
        shape: Directed(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "(?P<s>@p\\d+)-(?P<o>@p\\d+) (?:merger|takeover|acquisition|buyout|combination)\\b",
        veto: None,
    },
    RuleDef {
        // "the Halvern/Torvik joint venture".
        method: "partner.hyphen_pair",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "(?P<s>@p\\d+)[-/](?P<s2>@p\\d+) (?:joint venture|venture|jv|partnership|alliance|pact|collaboration|tie-up)\\b",
        veto: None,
    },
    RuleDef {
        // "will pay $45 a share, or about $6.1 billion, for Y": the total is the deal's.
        method: "acquirer.per_share_total_for",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:paid|pays|pay|paying|offered|offers|offer|offering)\\b (?:about |roughly |nearly |around |some |more than |up to )?@q\\d+ (?:a|per) share(?: in cash| in stock)?,? (?:or|for a total of|totalling|totaling|valuing (?:it|the company|the business|the deal) at) (?:about |roughly |nearly |around |some |more than |almost )?@m\\d+(?: in total| overall)?,? for {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.per_share_for",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: flag::NO_AMOUNT,
        pattern: "{S}{A}{g}\\b(?:paid|pays|pay|paying|offered|offers|offer|offering)\\b (?:about |roughly |nearly |around |some |more than |up to )?@q\\d+ (?:a|per) share(?: in cash| in stock)? for {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.sell_itself",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:sell|sells|sold|selling) itself to {S}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.paid_for",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:paid|pays|pay|paying|spent|spend|spends|spending)\\b (?:about |roughly |nearly |around |some |more than |over |up to |an estimated |a reported |almost )?@m\\d+(?: in (?:cash|stock|shares)(?: and (?:cash|stock|shares))?)?(?:, (?:including|plus|excluding|before|after) (?:[a-z-]+ ){0,3}?[a-z-]+,)? for (?P<gap>(?:[a-z][a-z-]* ){0,3}){OX}",
        veto: Some("\\b(?:stake|stakes|shares|minority|stock|equity)\\b"),
    },
    RuleDef {
        method: "acquirer.amount_it_paid",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "@m\\d+ {S} (?:had )?(?:paid|spent|pays|will pay) for (?:{w})?{OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.paid_for_more",
        shape: SameSubject(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "(?:, and|,| and) (?:about |roughly |nearly )?@m\\d+ for (?:{w})?{OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.more_for",
        shape: SameSubject(Acquirer),
        confidence: 0.75,
        flags: 0,
        pattern: "(?:, and|,| and) {OX}(?:'s(?: [a-z][a-z-]*){1,4})? for (?:about |roughly |nearly |some )?@m\\d+",
        veto: None,
    },
    RuleDef {
        method: "acquirer.after_agreeing",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:after|since|before|when|having|despite) (?:agreeing|agreed|offering|deciding|trying|attempting|failing|seeking|announcing plans|moving) to (?:buy|acquire|purchase|take over|pay (?:about |roughly |nearly |some |more than |up to |almost )?@m\\d+ (?:in cash |in stock )?for) {O}, {S}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.control",
        shape: Directed(Acquirer),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{g}\\b(?:secured|secures|secure|gained|gains|gain|took|takes|take|taking|won|wins|win|acquired|acquires|acquire|seized|assume|assumed|assumes) (?:full |majority |effective |a controlling |sole )?control (?:of|over) {OX}",
        veto: None,
    },
    RuleDef {
        method: "acquirer.takeovers_including",
        shape: Directed(Acquirer),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        pattern: "{S}{g}\\b(?:takeovers|acquisitions|purchases|buyouts),? (?:including|such as|like|among them) {O}",
        veto: None,
    },
    // ---- partner
    RuleDef {
        method: "partner.agreement_with",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{A}{G}\\b{DEAL_NOUN}\\b{g}\\bwith {OX}",
        // "a deal, though an arbitration with Y could derail it": Y is in a
        // dispute, not in the deal.
        veto: Some(
            "\\b(?:to acquire|to buy|to merge|acquisition|takeover|merger|though|although|whereas)\\b|\\b(?:arbitration|dispute|lawsuit|litigation|feud|clash|fight|battle) with\\b",
        ),
    },
    RuleDef {
        method: "partner.order_from",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{A}{G}\\b(?:order|orders|purchase commitment|purchase order|purchase orders)\\b (?:for (?:[a-z0-9,.-]+ ){1,4})?from {OX}",
        veto: None,
    },
    RuleDef {
        method: "rival.role_coord",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{G}\\b(?:is|was|are|were|remains|remain|became|has become|have become|as)\\b (?:both |at once |also |now )?(?:a|an|the) (?:[a-z][a-z-]* )?(?:rival|competitor|challenger)(?: and| as well as) (?:also )?(?:the |a |an |one of )?(?:[a-z][a-z-]* )?{O}{PR} ",
        veto: None,
    },
    RuleDef {
        method: "partner.verb_with",
        shape: Directed(Partner),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:partnered|partners|partner|partnering|teamed up|teams up|team up|teaming up|collaborate|collaborates|collaborated|collaborating|cooperate|cooperates|cooperated|cooperating|allied|joined forces|join forces|joins forces|joining forces|in talks|in advanced talks|in early talks|in discussions|in negotiations|negotiating|unveiled plans|announced plans|signed up|tied up|ties up|works closely|worked closely|working closely|works|worked|teamed|teams|is working|are working|has been working|have been working|will work|to work)\\b (?P<gap>(?:{w})?)with {OX}",
        veto: Some("\\b(?:merge|merging|combine|acquire|buy|sell|take over)\\b"),
    },
    RuleDef {
        method: "partner.license_to",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:license|licence|licenses|licences|licensed|licenced|licensing|out-licensed|sublicensed)\\b(?P<gap> (?:{w})?(?:@r\\d+(?:'s|') )?(?:{w5})?)(?:to|with|from) {OX}",
        veto: None,
    },
    RuleDef {
        // "X licensed Y's experimental drug": rights to a party's work.
        method: "partner.licensed_poss",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:licensed|licenced|licenses|licences|license|licence|licensing|in-licensed)\\b {O}{PR} (?:{w})?(?:technology|technologies|drug|drugs|patent|patents|design|designs|software|model|models|platform|compound|compounds|candidate|candidates|therapy|therapies|treatment|vaccine|vaccines|antibody|antibodies|intellectual property|brand|brands|content|catalogue|catalog|games|characters|format|formats)\\b",
        veto: None,
    },
    RuleDef {
        // "X had taken a non-exclusive license to some of Y's technology".
        method: "partner.took_license",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:took|taken|takes|take|taking|obtained|obtains|secured|secures|acquired|acquires|received|receives|signed)\\b (?:a |an )?(?:[a-z-]+ ){0,2}licen[cs]e (?:to|for|on|over) (?:some of |part of |parts of |all of |certain )?{OX}{PR} ",
        veto: None,
    },
    RuleDef {
        // "X agreed to hand the streaming rights to its games to Y".
        method: "partner.rights_to",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:hand|hands|handed|handing|sell|sells|sold|selling|license|licenses|licensed|licensing|grant|grants|granted|granting|transfer|transfers|transferred|give|gives|gave)\\b (?:the |its |some |certain |exclusive )?(?:[a-z-]+ ){0,4}rights\\b(?P<gap>(?:[^@;]|@[mvqxr]\\d+|@[pg]\\d+(?:'s|') )*?) to {O}(?:[.,;]| for\\b| in\\b| under\\b| as\\b| until\\b| through\\b|$)",
        veto: None,
    },
    RuleDef {
        // "a drug it shares with Y", "co-developed with Y".
        method: "partner.shares_with",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S} (?:shares|shared|co-owns|co-owned|co-developed|co-develops|co-markets|co-marketed|co-commercializes|co-commercialises|co-commercialized|co-commercialised) with {OX}",
        veto: None,
    },
    RuleDef {
        // "X and Y agreed to build a $3 billion battery plant": a joint project.
        method: "partner.agreed_to_build",
        shape: Mutual(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S} (?:have |has |had |also )?(?:agreed|agree|plan|plans|planned|will|are set|were set|teamed up|team up|joined forces|join forces) to (?:jointly )?(?:build|develop|construct|create|launch|make|produce|open|design|set up|form|operate|run)\\b",
        veto: None,
    },
    RuleDef {
        // "X, which already bottles Y drinks in Europe".
        method: "partner.bottles",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:bottles|bottle|bottled|bottling|bottler of)\\b {OX}{P} (?:{w})?(?:drinks|beverages|brands|products|sodas|soft drinks|colas)\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.between",
        shape: Mutual(Partner),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:partnership|alliance|joint venture|venture|collaboration|deal|agreement|pact|tie-up|handshake|contract|relationship|arrangement|cooperation|agreements|deals|partnerships|accord|talks|negotiations)\\b (?:{w})?between (?:{w})?{S}",
        veto: None,
    },
    RuleDef {
        // "the engine venture of X and Y", "a joint venture formed by X and Y".
        method: "partner.venture_of",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "\\b(?:joint venture|venture|jv)\\b (?:of|formed by|set up by|owned by|created by|launched by) {S}",
        veto: None,
    },
    RuleDef {
        method: "partner.jointly",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S} (?:have |has |had |will )?(?:jointly|together|co-)(?: )?(?:developed|develop|develops|designed|design|built|build|created|create|launched|launch|run|runs|operate|operates|own|owns)\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.joint_subject",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{g}\\b(?:formed|form|forms|forming|signed|sign|signs|announced|announce|announces|struck|strike|strikes|launched|launch|launches|set up|sets up|created|create|creates|established|establish|establishes|unveiled|unveil|unveils|agreed|agree|agrees|entered|enter|enters|reached|reach|inked|ink|expanded|extended|renewed|ended|end|ends|dissolved|dissolve|dissolves|scrapped|scrap|scraps|have|has|had)\\b(?P<gap>{g}\\b{DEAL_NOUN}\\b.{0,14})",
        veto: Some(
            "\\bwith\\b|\\bto (?:acquire|buy|merge|purchase|combine)\\b|\\b(?:merger|takeover|acquisition|sale|purchase|buyout) (?:agreement|agreements|deal|contract|pact)\\b|\\b(?:similar|separate|their own|own|comparable|rival|competing)\\b|\\b(?:compete|competes|competed|vie|vied|vying|bid|bidding|battled|fought) for\\b|\\b(?:terminate|terminated|end|ended|abandon|abandoned|scrap|scrapped|call off|called off) the (?:deal|transaction|merger|takeover|acquisition)\\b",
        ),
    },
    RuleDef {
        method: "partner.jointly",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S} (?:{w})?(?:teamed up|team up|teaming up|partnered|partner|will partner|collaborate|will collaborate|are collaborating|to collaborate|will jointly|would jointly|plan to jointly|plans to jointly|jointly bid|jointly bidding|jointly develop|jointly developed|jointly developing|jointly build|jointly building|jointly own|jointly owned|co-develop|co-developed|co-developing|will co-develop|will work together|work together|worked together|joined forces|join forces)\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.role_for",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{G}\\bpartners?\\b (?:for|of|to) {OX}",
        veto: None,
    },
    RuleDef {
        method: "partner.poss_partner",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{G}\\b(?:is|was|are|were|remains|remained|became|become|as)\\b (?:now |also |still )?{O}{PR} (?:[a-z][a-z-]* ){0,4}partners?\\b",
        veto: None,
    },
    RuleDef {
        // "X awarded Y a $500 million contract".
        method: "partner.awarded",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:awarded|awards|award|granted|grants|handed|hands|gave|gives)\\b {O} (?:an? |the |its )?(?:@m\\d+ )?(?:{w})?(?:contract|contracts|order|orders|deal|tender)\\b",
        veto: None,
    },
    RuleDef {
        // "X awarded a $200 million contract to Y".
        method: "partner.awarded_to",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:awarded|awards|award|awarding|granted|grants|handed|hands|gave|gives)\\b (?:an? |the |its )?(?:@m\\d+ )?(?:{w})?(?:contract|contracts|order|orders|deal|tender)\\b{g} to {O}",
        veto: None,
    },
    RuleDef {
        method: "partner.contract_from",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:won|wins|win|secured|secures|landed|lands|received|receives|was awarded|has been awarded|bagged)\\b{g}\\b(?:contract|contracts|order|orders|deal|tender)\\b from {OX}",
        veto: None,
    },
    RuleDef {
        // "Sony placed a $40 million order with X": the buyer's side of a contract.
        method: "partner.placed_order",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:placed|places|place|placing)\\b (?:an? |its |their |the )?(?:@m\\d+ )?(?:{w})?(?:order|orders)\\b (?:{w})?(?:with|from) {OX}",
        veto: None,
    },
    RuleDef {
        method: "partner.deal_to_supply",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{A}{g}\\b{DEAL_NOUN}\\b to (?:supply|provide|deliver|sell|build|develop|run|operate)\\b (?:{w})?(?:to|for) {OX}",
        veto: None,
    },
    RuleDef {
        method: "partner.named_partner",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{G}\\b(?:is|was|are|were|has been|have been|remains|remained|became|become|as)\\b (?:a|an|the) (?:[a-z][a-z-]* ){0,2}{O} (?:[a-z][a-z-]* )?partner\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.remains_partner",
        shape: Directed(Partner),
        confidence: 0.65,
        flags: 0,
        pattern: "{S} (?:remains|remained|is|was|has been|will remain|stays) (?:a|an) (?:[a-z-]+ ){0,2}partner, {W}\\bfor {O}",
        veto: None,
    },
    RuleDef {
        method: "partner.poss_partners",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        pattern: "{O}{PR}{g}\\bpartners?\\b,? (?:including |such as |like |include |are )?{S}",
        veto: None,
    },
    RuleDef {
        method: "partner.buy_from",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{g}\\b(?:buy|buys|bought|purchase|purchases|purchased|rent|rents|rented|lease|leases|leased|procure|procures|procured|source|sources|sourced|use|uses|used|will use|order|orders|ordered|ordering|gets|get|got|getting|buying|purchasing|sourcing|renting|leasing|procuring)\\b(?P<gap>{gr})\\bfrom {OX}",
        veto: Some(
            "\\b(?:stake|stakes|shares|stock|equity|company|business|unit|division|funding|financing|money|cash|proceeds|loans?)\\b",
        ),
    },
    RuleDef {
        method: "partner.buy_of",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{g}\\b(?:buy|buys|purchase|purchases|rent|rents|use|uses|spend|spends)\\b{g}@m\\d+ (?:worth )?of {OX}{P} (?:{w})?(?:services|capacity|cloud|computing|compute|chips|gpus|processors|tpus|products|technology|servers|infrastructure)",
        veto: None,
    },
    RuleDef {
        // "X and Y have been partners since 2015".
        method: "partner.are_partners",
        shape: Mutual(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S} (?:are|were|have been|had been|became|become|remain|remained|will be|would be) (?:now |also |long-time |longtime |close |strategic |business |commercial )*(?:partners|allies)\\b",
        veto: None,
    },
    RuleDef {
        // "X will distribute Y's products in Asia".
        method: "partner.distributes",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:distribute|distributes|distributed|distributing|resell|resells|resold|reselling)\\b {OX}{PR} (?:{w})?(?:products|snacks|drinks|beverages|drugs|medicines|vehicles|cars|phones|devices|software|services|goods|brands|chips|beers?|wines?|spirits)\\b",
        veto: None,
    },
    RuleDef {
        // "X joined Y in a consortium to bid for the port".
        method: "partner.joined_in",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:joined|joins|join|joining|teamed with|partnered with) {OX} (?:in|on) (?:a |an |the )?(?:[a-z-]+ )?(?:consortium|bid|venture|alliance|group)\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.appos_partner",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}, (?:a|an|one) (?:of )?(?:long-time |longtime |key |close |strategic )?{O}(?:'s|')? (?:partner|partners|ally|allies)\\b",
        veto: None,
    },
    RuleDef {
        method: "partner.use_of",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{g}\\b(?:use|uses|using|usage|integrate|integrates|integrated|integrating|embed|embeds|embedded|embedding|deploy|deploys|deployed|deploying|adopt|adopts|adopted|adopting)\\b(?: of)? {OX}{P} (?:{w})?(?:chips|processors|gpus|tpus|tensor processing units|accelerators|cloud|services|capacity|infrastructure|servers|data centers|data centres|software|models|model|technology|platform|systems|sensors|batteries|engines)",
        veto: None,
    },
    RuleDef {
        // "X chose Y's chips": picking a named party's goods (not "picked Y as its provider").
        method: "partner.chose_poss",
        shape: Directed(Partner),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{g}\\b(?:chose|chooses|choose|selected|selects|picked|picks)\\b {OX}{PR} (?:{w})?(?:chips|processors|gpus|tpus|tensor processing units|accelerators|cloud|services|capacity|infrastructure|servers|data centers|data centres|software|models|model|technology|platform|systems|sensors|batteries|engines)",
        veto: None,
    },
    RuleDef {
        method: "partner.capacity_from_like",
        shape: Directed(Partner),
        confidence: 0.7,
        flags: flag::NO_AMOUNT,
        pattern: "{S}{P}{g}\\b(?:capacity|compute|computing power|computing|cloud services|chips)\\b{g}\\b(?:hyperscalers|providers|suppliers|partners|clouds|vendors)\\b,? (?:like|such as|including) {O}",
        veto: None,
    },
    // ---- rival
    RuleDef {
        // "X, like rival Y, cut prices": a comparison right after the
        // sentence's first party, which is the one compared.
        method: "rival.like_rival",
        shape: Directed(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "^{S},? (?:like|unlike) (?:its |fellow )?(?:[a-z-]+ )?{RIVAL_NOUN} {O}",
        veto: None,
    },
    RuleDef {
        // "X beat estimates, while rival Y missed": a contrast with the rival of
        // the sentence's first party, no other party named between them.
        method: "rival.while_rival",
        shape: Directed(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "^{S}{A}{g},? (?:while|whereas|but|as|than) (?:its |@r\\d+(?:'s|') )?(?:[a-z-]+ )?{RIVAL_NOUN} {O}",
        veto: None,
    },
    RuleDef {
        method: "rival.poss",
        shape: Directed(Rival),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{PR} (?:{w})?{RIVAL_NOUN}\\b,? (?:including |such as |like |include |includes |are |is )?{O}",
        veto: None,
    },
    RuleDef {
        method: "rival.appos_poss",
        shape: Directed(Rival),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}, (?:the |a |an |its )?{O}(?:'s|')? (?:{w})?(?:rivals?|competitors?|challengers?)\\b",
        veto: None,
    },
    RuleDef {
        method: "rival.is_rival_of",
        shape: Directed(Rival),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{g}\\b(?:is|was|are|were|has become|have become|became|becomes|become|remains|remain|as)\\b (?:now |also |both |at once )?{CO}(?:{w})?{O}{PR} (?:{w})?(?:{RIVAL_NOUN}|challenger)\\b",
        veto: None,
    },
    RuleDef {
        method: "rival.compete",
        shape: Directed(Rival),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:competes|compete|competed|competing|vies|vie|vying|vied|battles|battle|battling|battled|spars|spar|sparring|(?:goes|go|going|went|gone) head[ -]to[ -]head)\\b (?:{w})?(?:with|against) (?:those of |that of )?{OX}(?:{g}\\band (?:with|against) {O2})?",
        veto: None,
    },
    RuleDef {
        // "X is battling Y for customers", "challenging Y in the cloud market":
        // only with a prize of the market, so that a fight in court is no rivalry.
        method: "rival.battles",
        shape: Directed(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:battles|battle|battling|battled|challenges|challenging|fights|fighting|fought)\\b {OX} (?:for (?:the )?(?:customers|clients|market share|dominance|supremacy|users|subscribers|shoppers|drivers|riders|viewers|talent|leadership|the lead|top spot|business|contracts|orders|sales)|in (?:the |a )?(?:[a-z-]+ ){1,2}(?:market|markets|business|industry|sector|space|race))\\b",
        veto: None,
    },
    RuleDef {
        // "X is challenging Sony's dominance in sensors".
        method: "rival.challenges_lead",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:challenges|challenging|challenged|challenge|threatens|threatening|threatened|threaten|erodes|eroding|eroded|erode|undercuts|undercutting|undercut|chipping away at|chips away at|chipped away at)\\b {O}{PR} (?:{w})?(?:dominance|lead|leadership|grip|monopoly|market share|position|supremacy|hold|crown)\\b",
        veto: None,
    },
    RuleDef {
        // "X is taking on Y in cheap phones".
        method: "rival.takes_on",
        shape: Directed(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:takes on|take on|taking on|took on|taken on)\\b {OX} (?:in|on|for|over|across)\\b",
        veto: None,
    },
    RuleDef {
        method: "rival.compete_together",
        shape: Mutual(Rival),
        confidence: 0.8,
        flags: 0,
        pattern: "{S} (?:{w})?(?:compete|competed|vie|battle|battled|spar|sparred|are competing|have competed|are battling|go head-to-head|go head to head|went head-to-head|went head to head)(?: [a-z]+ly| head-to-head)?(?: (?:in|for|on|across|over|to)\\b|[,.;]|$)",
        veto: None,
    },
    RuleDef {
        method: "rival.market_share",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:losing|lost|loses|lose|ceding|ceded|cedes|cede|gaining|gained|gains|gain|taking|took|takes|take|winning|won|wins|win|grabbing|grabbed|grabs) (?:{w})?(?:(?:market )?share|ground|customers|clients|users|subscribers|shoppers|advertisers) (?:to|from) {OX}",
        veto: None,
    },
    RuleDef {
        method: "rival.are_rivals",
        shape: Mutual(Rival),
        confidence: 0.8,
        flags: 0,
        pattern: "{S} (?:are|were|have been|remain|became|have become) (?:{w})?(?:rivals|competitors|arch-rivals|archrivals)\\b(?P<gap> (?:of|to) @)?",
        // "X and Y are rivals of Z": the rivals are Z's, not each other's.
        veto: Some("^ (?:of|to) @"),
    },
    RuleDef {
        // "X and Y, longtime rivals in children's television, said ...".
        method: "rival.pair_appos",
        shape: Mutual(Rival),
        confidence: 0.75,
        flags: 0,
        // A pair placeholder may follow "both rivals".
        pattern: "{S}, (?:the |two |both )?(?:{w})?(?:rivals|competitors|arch-rivals|archrivals)\\b(?P<gap> (?:@p\\d+ )?(?:of|to)\\b)?",
        veto: Some("^ (?:@p\\d+ )?(?:of|to)\\b"),
    },
    RuleDef {
        // "X and Y have battled for years for riders": a fight over the same customers.
        method: "rival.battle_for",
        shape: Mutual(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S} (?:are |were |have |had |have been |had been )?(?:long |fiercely |also )?(?:locked in an? (?:[a-z-]+ ){0,2}(?:battle|war|fight|struggle|rivalry)|battled|battling|battle|fought|fighting|fight|jostled|jostling|jostle|vied|vying|vie|competed|competing|compete) (?:[a-z-]+ ){0,4}?(?:for|over) (?:the )?(?:[a-z-]+ ){0,2}?(?:customers|riders|users|drivers|shoppers|subscribers|viewers|market share|share|market|markets|supremacy|dominance|talent|business|clients|buyers|passengers|advertisers|developers|sales)\\b",
        veto: None,
    },
    RuleDef {
        // "X and Y are locked in a price war".
        method: "rival.at_war",
        shape: Mutual(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "{S} (?:are|were|have been|remain) (?:locked |embroiled |engaged )?in an? (?:{w})?(?:price|pricing|fare|subsidy|talent|discount|turf|market-share|market share) (?:war|battle|fight)\\b",
        veto: None,
    },
    RuleDef {
        method: "rival.rivals_premodifier",
        shape: Mutual(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "(?:^|, )(?:the |fellow )?(?:rival|competing|arch-rival|archrival) (?:[a-z][a-z-]* )?[a-z-]+s {S}",
        veto: None,
    },
    RuleDef {
        method: "rival.rivals_between",
        shape: Mutual(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "\\b(?:between|among|fellow) (?:{w})?(?:rivals|competitors) {S}",
        veto: None,
    },
    RuleDef {
        method: "rival.rivals_list",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{G}\\b(?:rivals|competitors)\\b,? (?:including |such as |like |include |are )?{O}",
        veto: None,
    },
    RuleDef {
        method: "rival.rival_to",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{A}{G}\\b(?:rival|alternative|challenger|answer|competitor|rivals|alternatives|challengers|competitors|threat|threats)\\b (?:to|of) {OX}",
        veto: None,
    },
    RuleDef {
        // "X is a distant second to Y in the market".
        method: "rival.second_to",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:is|was|are|were|remains|ranks|ranked|came|comes|finished)\\b (?:now )?(?:a |the )?(?:distant |close |clear )?(?:second|third|fourth|number two|no\\. 2|runner-up) (?:only )?(?:to|behind) {OX}",
        veto: None,
    },
    RuleDef {
        // "Y's main competition comes from X".
        method: "rival.competition_comes_from",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{PR} (?:{w})?(?:competition|challenge|threat|rivalry) (?:comes|came|come|is coming) from {S}",
        veto: None,
    },
    RuleDef {
        // "X dominates the market, ahead of Y and Z".
        method: "rival.ahead_in_market",
        shape: Directed(Rival),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:dominates|dominated|dominate|leads|led|lead|tops|topped)\\b (?:the |its )?(?:{w})?(?:market|industry|sector|segment|field|rankings|league)\\b,? (?:well |far |comfortably |just )?ahead of {O}",
        veto: None,
    },
    RuleDef {
        method: "rival.trails",
        shape: Directed(Rival),
        confidence: 0.65,
        flags: 0,
        pattern: "{S}{g}\\b(?:trails|trailed|trailing|lags|lagged|lagging|fallen behind|fell behind|falls behind|overtook|overtaken|overtake|outpaced|outpaces|catch up with|catch up to|catching up with|catching up to|caught up with|gaining on|gained on|gains on|closing in on|closed in on|closes in on|closing the gap with|closing the gap on)\\b (?:{w})?{OX}",
        veto: None,
    },
    RuleDef {
        method: "rival.rivalry_between",
        shape: Mutual(Rival),
        confidence: 0.8,
        flags: 0,
        pattern: "\\b(?:rivalry|competition|race|battle|fight|feud|contest|war)\\b (?:{w})?between {S}",
        veto: None,
    },
    RuleDef {
        method: "rival.competition_from",
        shape: Directed(Rival),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{g}\\b(?:faces|face|facing|faced)\\b (?:{w})?competition(?: (?:in|on|at|across) (?:the )?(?:@g\\d+|[a-z][a-z-]*)(?: [a-z][a-z-]*)?)? from {OX}",
        veto: None,
    },
    // ---- supplier
    RuleDef {
        method: "supplier.role_for",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{A}{G}\\b{SUPPLIER_NOUN}\\b (?:for|to|of) {OX}",
        veto: None,
    },
    RuleDef {
        method: "supplier.role_of_goods_to",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{G}\\b{SUPPLIER_NOUN}\\b of (?:[a-z][a-z-]* ){1,4}(?:to|for) {OX}",
        veto: None,
    },
    RuleDef {
        // "X has committed to spend billions on Y's TPUs": X is Y's customer.
        method: "supplier.spend_on",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:spend|spends|spent|spending)\\b{g} on {S}{PR} (?:{w})?(?:chips|processors|tpus|gpus|accelerators|servers|cloud|computing|capacity|data centers|data centres|services|software|equipment|hardware|systems)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.poss_role",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{G}\\b(?:is|was|are|be|become|becomes|became|remain|remains|as|named)\\b (?:{w})?{CO}(?:the |a |an |one of )?{O}{PR} (?:{w})?{SUPPLIER_NOUN}\\b(?:,? (?:alongside|along with|together with|like|as are|as is) {S2})?",
        veto: None,
    },
    RuleDef {
        method: "supplier.supplies_to",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:supplies|supply|supplied|supplying|provides|provide|provided|providing|delivers|deliver|delivered|delivering|ships|ship|shipped|shipping|makes|manufactures|manufacture|manufactured|builds|build|assembles|assemble|assembled|produces|produce|produced|fabricates|fabricated)\\b(?P<gap>{gr})\\b(?:to|for) (?:(?:[a-z0-9][a-z0-9-]*,? ){1,5}(?:including|such as|like|among them) )?{OX}",
        veto: Some(
            "@m|\\b(?:stake|stakes|shares|loan|loans|funding|financing|capital|money|cash|business|unit|division|arm|arms|operations|portfolio|brand|brands|itself|themselves|rights|assets|into|rival|rivals|competitor|competitors)\\b",
        ),
    },
    RuleDef {
        // Selling goods to a company, apart from the rule above so that its
        // gap can see the verb: "X was sold to Y" is a takeover of X, not a sale by it.
        method: "supplier.sells_to",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}(?P<gap>{g}\\b(?:sells|sell|sold|selling)\\b{gr})\\b(?:to|for) (?:(?:[a-z][a-z-]* ){1,3}(?:including|such as|like) )?{OX}",
        veto: Some(
            "\\b(?:is|are|was|were|be|been|being) (?:[a-z]+ )?sold\\b|@m|\\b(?:stake|stakes|shares|loan|loans|funding|financing|capital|money|cash|business|unit|division|arm|arms|operations|portfolio|brand|brands|itself|themselves|rights|assets)\\b",
        ),
    },
    RuleDef {
        // "X will supply Y." with no goods named.
        method: "supplier.supplies_bare",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:supplies|supply|supplied|supplying)\\b {O}(?:[.,;]|$| (?:since|from|until|under|through)\\b)",
        veto: None,
    },
    RuleDef {
        // "X uses chips made by Y", "runs its services on Y's cloud": the
        // customer first, the supplier after "by" or as the possessor.
        method: "supplier.uses_made_by",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:uses|use|used|using|relies on|rely on|relied on|buys|buy|bought|sells|sell|sold)\\b (?:{w})?(?:made|built|designed|produced|manufactured|supplied|provided|developed) by {S}",
        veto: None,
    },
    RuleDef {
        // "Y's routers are supplied by X": goods of a company made or
        // supplied by another.
        method: "supplier.poss_goods_by",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{PR} (?:[a-z][a-z-]* ){1,3}(?:are|is|were|was|will be|have been|has been|are being|is being) (?:[a-z]+ly )?(?:supplied|provided|made|built|manufactured|produced|assembled|fabricated|powered) by {S}",
        veto: None,
    },
    RuleDef {
        // "X outsourced its maintenance to Y".
        method: "supplier.outsourced_to",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:outsourced|outsources|outsource|outsourcing|subcontracted|subcontracts|contracted out)\\b(?P<gap>{gr})\\bto {S}",
        veto: None,
    },
    RuleDef {
        // "Y maintains X's fleet": a service to a company's assets.
        method: "supplier.maintains_poss",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:maintains|maintain|maintained|maintaining|services|serviced|servicing|repairs|repaired|manages|managed|managing)\\b {O}{PR} (?:{w})?(?:fleet|fleets|planes|aircraft|engines|trains|ships|vessels|network|networks|data centres|data centers|servers|systems|infrastructure|warehouses|logistics|payroll|it)\\b",
        veto: None,
    },
    RuleDef {
        // "Y will host X's models on its platform".
        method: "supplier.hosts_poss",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:hosts|host|hosted|hosting)\\b {O}{PR} (?:{w})?(?:models|model|website|websites|data|servers|workloads|apps|app|services|platform|software|games)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.runs_on",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:runs|run|running|ran|hosts|host|hosted|hosting|trains|train|trained|training)\\b(?P<gap>{gr}) on (?:the )?{S}(?:{PR} (?:{w})?(?:cloud|servers|platform|data centres|data centers|infrastructure|chips|processors|supercomputers?|network)\\b| (?:networks?|cloud|clouds|platforms?|rails|chips|processors|servers|infrastructure)\\b| (?:under|as part of|through|via|starting|until)\\b|[.,;]|$)",
        veto: None,
    },
    RuleDef {
        // "X, a Y customer", "X is one of Y's biggest clients".
        method: "supplier.named_customer",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}(?:,| (?:is|was|are|were|remains|became|has been|had been)) (?:a|an|one) (?:of )?(?:long-time |longtime |key |major |big |biggest |large |largest |important |main )?{S}(?:'s|')? (?:{w})?(?:customer|customers|client|clients)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.appos_supplier",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}, (?:(?:a|an|one) (?:of )?)?(?:long-time |longtime |key |main |major )?{O}(?:'s|')? (?:long-time |longtime |key |main |major |biggest |largest |sole |only )?(?:{SUPPLIER_NOUN})\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.supply_with",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|equip|equips|equipped)\\b {OX}(?:(?:'s|') (?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*)? with",
        veto: None,
    },
    RuleDef {
        method: "supplier.supplies_poss",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{g}\\b(?:supplies|supplied|provides|provided|powers|powered)\\b{g}{OX}{P} ",
        veto: Some(
            "\\b(?:raised|raises|raising|from|led by|backed by|funding|financing|loan|loans|note|notes|shares|stake|capital|investment)\\b",
        ),
    },
    RuleDef {
        // "X signed up Y as a customer".
        method: "supplier.signed_customer",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:signed up|signs up|signed|signs|won|wins|landed|lands|added|adds|secured|secures|lost|loses|lose|losing)\\b {O} as (?:a |an |its )?(?:{w})?(?:customer|client)\\b",
        veto: None,
    },
    RuleDef {
        // "Y signed on as a customer of X".
        method: "supplier.joined_as_customer",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:signed on|signs on|signed up|signs up|came on board|comes on board)\\b as (?:a |an )?(?:{w})?(?:customer|client) of {S}",
        veto: None,
    },
    RuleDef {
        method: "supplier.customers_include",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: flag::NOUN_TRIGGER,
        pattern: "{S}{G}\\b(?:customers|clients|buyers|customer|client|buyer)\\b(?: of {w})?,? (?:include|includes|included|including|such as|like|are|is|was|remains) {O}",
        veto: None,
    },
    RuleDef {
        method: "supplier.counts_among",
        shape: Directed(Supplier),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{g}\\bcounts? {O} (?:among|as) (?:@r\\d+(?:'s|') |an? )?(?:{w})?(?:customers|clients|buyers|users|customer|client|buyer)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.counts_among_suppliers",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{g}\\bcounts? {S} (?:among|as) (?:@r\\d+(?:'s|') )?(?:{w})?(?:suppliers|providers|vendors|supplier|provider|vendor)\\b",
        veto: None,
    },
    RuleDef {
        method: "investor.counts_among",
        shape: Directed(Investor),
        confidence: 0.8,
        flags: flag::ROLE,
        pattern: "{O}{g}\\bcounts? {S} (?:among|as) (?:@r\\d+(?:'s|') )?(?:{w})?(?:investors|backers|shareholders|investor|backer|shareholder)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.relies_on",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:relies|rely|relied|relying|depends|depend|depended|depending) (?:heavily |largely |entirely |mainly |solely )?on {S}(?: (?:for(?: [a-z-]+)?|to (?:make|build|supply|provide|manufacture|produce))\\b|{P} (?:[a-z][a-z-]* ){0,2}(?:chips|processors|gpus|cloud|servers|data centres|data centers|infrastructure|supercomputers|network|networks|components|parts|batteries|cells|displays|screens|engines|turbines|satellites|rockets)\\b)",
        veto: Some("\\b(?:funding|financing|capital|cash|money|investment|loans?)\\b"),
    },
    RuleDef {
        // "X dropped Y as a supplier": the status cue makes it terminated.
        method: "supplier.dropped",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:dropped|drops|dropping|ditched|ditches|ditching|dumped|dumps|dumping|replaced|replaces|replacing)\\b {S} as (?:@[pr]\\d+(?:'s|') )?(?:{w})?{SUPPLIER_NOUN}\\b",
        veto: None,
    },
    RuleDef {
        // "X makes the chips that power Y's phones", "the servers behind Y's AI services".
        method: "supplier.goods_that_power",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:makes|make|made|builds|build|built|supplies|supply|supplied|designs|design|designed|provides|provide|provided|produces|produce|produced)\\b the (?:{w})?(?:chips|processors|servers|batteries|modems|screens|displays|engines|sensors|cameras|software|models|systems|networks|data centers|data centres|components|parts|cells)\\b (?:that (?:power|powers|run|runs|go into|goes into|drive|drives|are used in|sit inside)|which (?:power|powers|run|runs|go into|drive|drives)|behind|inside|inside of) {OX}{PR} ",
        veto: None,
    },
    RuleDef {
        method: "supplier.chosen",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:chose|chosen|chooses|selected|selects|picked|picks|tapped|taps|hired|hires|enlisted|enlists|contracted|contracts|turned to|turns to|turning to)\\b {S} (?:to (?:supply|provide|build|host|make|manufacture|produce|power|run|deliver|design|operate|overhaul|upgrade|maintain|manage|develop|install|modernise|modernize|service|repair)\\b|as (?:@r\\d+(?:'s|') )?(?:{w})?{SUPPLIER_NOUN}\\b|for (?:@r\\d+(?:'s|') )?(?:{w})?(?:batteries|battery cells|cells|chips|semiconductors|memory|processors|engines|parts|components|displays|screens|sensors|cameras|modems|servers|cloud services|cloud computing|computing power|steel|aluminium|aluminum|lithium|packaging)\\b)",
        veto: None,
    },
    RuleDef {
        method: "supplier.makes_its",
        shape: Directed(Supplier),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:makes|make|made|manufactures|manufacture|manufactured|produces|produce|produced|supplies|supply|supplied|builds|build|built|assembles|assemble|assembled|fabricates|fabricated)\\b {O}{PR} (?:{w})?(?:products?|chips?|processors?|drugs?|therapies|medicines?|vaccines?|batteries|cars|vehicles|devices|phones|iphones|engines|components|parts|displays|screens|goods|planes|jets|turbines)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.customer_of",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{g}\\b(?:is|was|are|were|had been|has been|became|become|remains|,) (?:{w})?{S}{PR} (?:{w})?(?:customer|customers|client|clients|buyer)\\b",
        veto: None,
    },
    RuleDef {
        method: "supplier.customers_of",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{g}\\b(?:is|was|are|were|has been|became|remains|,) (?:one of |among )?(?:{w})?(?:customer|customers|client|clients|buyer|buyers) of {S}",
        veto: None,
    },
    RuleDef {
        method: "supplier.poss_suppliers",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{PR} (?:{w})?{SUPPLIER_NOUN},? (?:including |such as |like |include |is |are )?{S}",
        veto: None,
    },
    RuleDef {
        method: "supplier.revenue_share",
        shape: Directed(Supplier),
        confidence: 0.75,
        flags: 0,
        pattern: "{O}{g}\\b(?:accounted|accounts|account) for {g}\\bof {S}{PR} (?:{w})?(?:revenue|revenues|sales)\\b",
        veto: None,
    },
    // ---- subsidiary
    RuleDef {
        // "X became a Nestle subsidiary".
        method: "subsidiary.is_a_unit",
        shape: Directed(Subsidiary),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:is|was|became|becomes|become|remains|remain|has become|will become|will be)\\b (?:now |already |still )?(?:a|an) (?:wholly owned |wholly-owned |majority-owned )?{O} (?:[a-z-]+ )?{UNIT}\\b",
        veto: None,
    },
    RuleDef {
        // "X merged into Nestle": the company that takes the other in.
        method: "acquirer.merged_into",
        shape: Directed(Acquirer),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:merged|merges|merge|merging|folded|folds|absorbed)\\b into {S}",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.poss_unit",
        shape: Directed(Subsidiary),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}{PR} (?:@g\\d+ )?(?:[a-z][a-z.-]* ){0,3}(?:{UNIT}|business|businesses)\\b,? (?:including |such as )?{S}",
        // "sell its tower business to infrastructure investor Y": a
        // preposition after the unit starts a phrase about someone else.
        veto: Some(
            "\\b(?:unit|units|division|divisions|subsidiary|subsidiaries|arm|arms|affiliate|affiliates|studio|studios|lab|labs|laboratory|branch|segment|business|businesses),? (?:to|from|for|with|by|into|in|at|on|of)\\b|\\b(?:former|onetime|one-time|erstwhile)\\b",
        ),
    },
    RuleDef {
        // "Lufthansa's budget airline X", "Amazon's grocery chain Y": a company
        // of a kind that the possessor owns, unless a role word says otherwise.
        method: "subsidiary.poss_kind",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{PR} (?P<gap>(?:@g\\d+ )?(?:[a-z][a-z.-]* ){0,2})(?:airline|carrier|bank|lender|insurer|brand|chain|label|publisher|retailer|brewer|carmaker|chipmaker|start-up|startup|company|firm|operator|developer|maker|studio|network|channel|broadcaster)\\b,? {S}",
        veto: Some(
            "\\b(?:rival|rivals|competing|partner|partners|customer|customers|supplier|suppliers|peer|peers|competitor|competitors|investor|investors|backer|backers|portfolio|former|ex|target|takeover|acquisition|parent|owner|holding|controlling)\\b",
        ),
    },
    RuleDef {
        method: "subsidiary.poss_named_unit",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}(?:'s|') {S} {UNIT}\\b",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.poss_named_unit_desc",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}(?:'s|') (?P<s>@p\\d+) (?:[a-z][a-z-]* ){0,2}(?:{UNIT}|business)\\b",
        veto: Some(FORMER),
    },
    RuleDef {
        method: "subsidiary.appos_named_unit",
        shape: Directed(Subsidiary),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}, (?:a|an) {O} (?:subsidiary|unit|division|company|business|affiliate)\\b",
        veto: None,
    },
    RuleDef {
        // "X is Y's research arm".
        method: "subsidiary.is_poss_unit",
        shape: Directed(Subsidiary),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}{A}{g}\\b(?:is|was|becomes|became|become|will become|remains|has become)\\b (?:now |still |effectively )?{O}{PR} (?:{w})?{UNIT}\\b",
        veto: Some(FORMER),
    },
    RuleDef {
        method: "subsidiary.appos_unit",
        shape: Directed(Subsidiary),
        confidence: 0.8,
        flags: 0,
        pattern: "{S}, (?:the |a |an |its |their )?{O}{PR} (?:@g\\d+ )?(?:{w})?(?:{UNIT}\\b|business(?:,|\\.|$))",
        veto: Some(FORMER),
    },
    RuleDef {
        method: "subsidiary.unit_of",
        shape: Directed(Subsidiary),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{A}{g}(?:\\b(?:is|was|becomes|became|become|will become|remains|as|now)|,) (?:now )?(?:a |an |the |one of the )?(?:wholly[- ]owned |fully[- ]owned |majority[- ]owned )?(?:[a-z][a-z-]* ){0,2}(?:{UNIT}|part) (?:of|within) {OX}",
        veto: Some(FORMER),
    },
    RuleDef {
        method: "subsidiary.owned_by",
        shape: Directed(Subsidiary),
        confidence: 0.75,
        flags: 0,
        pattern: "{S}(?:{g}|, {W})\\b(?:wholly |fully |now )?(?:owned|controlled) by {OX}",
        veto: Some("\\b(?:partly|partially|minority)\\b"),
    },
    RuleDef {
        method: "subsidiary.created_by",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}, (?:the|a|an) {w}(?:company|entity|subsidiary|vehicle|unit|arm|firm|affiliate|structure) (?:that|which) (?:the )?{w}{O} (?:had |has )?(?:created|set up|formed|established|spun out|spun off|incorporated)\\b",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.owned_adj",
        shape: Directed(Subsidiary),
        confidence: 0.8,
        flags: 0,
        pattern: "{O}-(?:owned|controlled) (?:{w})?{S}",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.parent",
        shape: Directed(Subsidiary),
        confidence: 0.85,
        flags: 0,
        pattern: "{S}{PR} (?:parent|parent company|owner|holding company|parent group)\\b,? {OX}",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.owner_of",
        shape: Directed(Subsidiary),
        confidence: 0.75,
        flags: 0,
        pattern: "{O},? (?:is |was |remains |became |as )?(?:the|its|their) (?:majority |sole |controlling )?(?:owner|owners|parent|parent company|holding company) of {S}",
        veto: None,
    },
    RuleDef {
        method: "subsidiary.owns",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:owns|owned)\\b (?:a majority of |most of |both )?{S}",
        // "the developer owned by fund Y" is the passive (`subsidiary.owned_by`).
        veto: Some("\\b(?:partly|partially|jointly|co-owns|minority|stake|shares|owned by)\\b"),
    },
    RuleDef {
        // "X controls Y": the controlling party right before the verb, since
        // a gap would let "X was aimed at the charity that controls Y" through.
        method: "subsidiary.controls",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{A}(?:,? (?:which|that))? (?:also |now |still |effectively |ultimately |already )?(?:controls|controlled)\\b {S}",
        veto: None,
    },
    RuleDef {
        // "X spun off Y": Y was X's unit.
        method: "subsidiary.spins_off",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{O}{A}{g}\\b(?:spun off|spins off|spin off|spinning off|spun out|spins out|spin out|spinning out|carved out|carves out|carve out|carving out)\\b (?:@r\\d+(?:'s|') )?(?:{w})?{S}",
        // The passive ("Y was spun off from X") is the rule below.
        veto: Some(
            "\\b(?:was|were|is|are|been|being|be) (?:[a-z]+ )?(?:spun|carved)\\b|\\b(?:off|out) (?:[a-z]+ )?(?:of|from|by)\\b",
        ),
    },
    RuleDef {
        method: "subsidiary.spun_off",
        shape: Directed(Subsidiary),
        confidence: 0.7,
        flags: 0,
        pattern: "{S}{g}\\b(?:spun off|spun out|carved out) (?:from|of|by) {OX}",
        veto: None,
    },
];

/// A list item: an optional place adjective, possessor with a role noun
/// ("Northvolt's former backer X") or hyphen-joined party ("SoftBank-backed
/// X"), a party, an optional ticker in brackets.
const ITEM: &str = r"(?:@g\d+(?:'s|')? |@[pr]\d+(?:'s|') (?:[a-z][a-z-]* ){0,2}(?:backer|backers|investor|investors|unit|arm|subsidiary|rival|partner|affiliate|fund|division|venture arm|investment arm) |@[pg]\d+-[a-z]+ )?@[pgr]\d+(?: \([^)@;]{0,25}\)| \((?:[\x22\x27]|\xE2\x80[\x98\x9C])?@[pgx]\d+(?:[\x22\x27]|\xE2\x80[\x99\x9D])?\))?";
/// A descriptive premodifier before a named party: "with Dutch grid operator
/// X", "to buy British chip designer Y", "from French telecoms entrepreneur Z".
/// It must end in a noun for a kind of organisation or investor, so ordinary
/// words before a party do not pass.
const DESC: &str = r"(?:(?:the |a |an )?(?:@g\d+ )?(?:[a-z][a-z-]* ){0,3}(?:company|companies|firm|firms|start-up|startup|group|operator|maker|chipmaker|carmaker|automaker|drugmaker|biotech|giant|lender|bank|insurer|retailer|provider|developer|designer|manufacturer|producer|supplier|platform|conglomerate|utility|miner|brewer|airline|carrier|specialist|outfit|fund|investor|house|manager|entrepreneur|executive|founder|co-founder|billionaire|financier) )";

/// Between list items: a conjunction or comma and up to two descriptor words,
/// possessives among them ("and Oslo's X"), which may follow an article and a
/// tagged place ("and the US firm X"); or up to three words that end in a kind
/// of company or investor ("and the Swiss firm X", where the tagger left the
/// place a plain word; "and French telecoms entrepreneur Y").
const JOIN: &str = r"(?:,? and |, |,? & |,? as well as |, plus |,? along with |,? or )(?:(?:the |a |an )?@g\d+ (?:[a-z][a-z-]* ){0,2}|(?:[a-z][a-z-]*(?:'s)? ){0,2}|(?:the |a |an )?[a-z][a-z-]* (?:[a-z][a-z-]* )?(?:firm|company|group|fund|investor|bank|lender|insurer|start-up|startup|maker|giant|operator|entrepreneur|executive|founder|billionaire|financier) )";

/// Expands the templates of `pattern` into regex syntax.
pub(crate) fn expand(pattern: &str) -> String {
    let list = format!("{ITEM}(?:{JOIN}{ITEM})*");
    // A party joined by a hyphen to a word of make ("Nvidia-powered
    // servers") is a modifier that a gap may cross; "SoftBank-backed" is not.
    let made =
        r"@[pg]\d+-(?:powered|based|made|built|designed|branded|developed|focused|run|operated)\b";
    let gap_unit = format!(r"(?:[^@;]|@[mvqx]\d+|@g\d+(?:'s|') |{made})");
    let gap_unit_r = format!(r"(?:[^@;]|@[mvqxr]\d+|@g\d+(?:'s|') |{made})");
    // A descriptor before a subject matters only after other words of the
    // pattern ("led by {S}"); at the very start it would only slow the search.
    let (lead, pattern) = match pattern.strip_prefix("{S}") {
        Some(rest) => ("(?P<s>{list})", rest),
        None => ("", pattern),
    };
    let out = format!("{lead}{pattern}")
        .replace("{INVEST}", INVEST)
        .replace("{STAKE_VERB}", STAKE_VERB)
        .replace("{RAISE}", RAISE)
        .replace("{ROUND}", ROUND)
        .replace("{BUY}", BUY)
        .replace("{DEAL_NOUN}", DEAL_NOUN)
        .replace("{UNIT}", UNIT)
        .replace("{RIVAL_NOUN}", RIVAL_NOUN)
        .replace("{SUPPLIER_NOUN}", SUPPLIER_NOUN)
        .replace("{S}", &format!("{DESC}?(?P<s>{{list}})"))
        .replace("{list}", &list)
        .replace("{S2}", &format!("(?P<s2>{list})"))
        .replace(
            "{OX}",
            &format!(r"(?:@[pgr]\d+(?:'s|') (?:[a-z][a-z-]*,? ){{0,3}},? ?|[a-z]+'s |{DESC})?(?P<o>{list})"),
        )
        .replace("{O}", &format!("(?P<o>{list})"))
        .replace("{O2}", &format!("(?P<o2>{list})"))
        .replace("{gr}", &format!("{gap_unit_r}*?"))
        .replace("{g}", &format!("{gap_unit}*?"))
        .replace("{G}", &format!("{gap_unit}*?"))
        .replace("{W}", "[^;]*?")
        .replace("{w5}", "(?:[a-z][a-z-]* ){0,5}")
        .replace("{w}", "(?:[a-z][a-z-]* ){0,3}")
        // The apposition is the match's `skip` group: its dates, cues and
        // amounts ("X, valued at $12 billion last year, is being bought") are
        // not the deal's.
        .replace("{A}", r"(?P<skip>, (?:while|which|who|whose|the|a|an|its|one of|already|for its part|once|now|valued|founded|headquartered|listed|[a-z]+-based|@[pg]\d+(?:'s|'))\b[^;]*?,)?")
        .replace(
            "{CO}",
            r"(?:(?:@r\d+(?:'s|') )?(?:[a-z][a-z-]* ){1,5}(?:and|as well as) )?",
        )
        .replace("{PR}", "(?:'s|')")
        .replace("{P}", "(?:'s|')?");
    format!("(?-u){out}")
}

/// Whether the pattern's subject starts a clause ("{S} ... invested"), not a
/// noun phrase: a gap follows it, maybe after an apposition and inside the
/// rule's gap group.
pub(crate) fn starts_clause(pattern: &str) -> bool {
    pattern
        .strip_prefix("{S}")
        .map(|r| r.strip_prefix("{A}").unwrap_or(r))
        .map(|r| r.strip_prefix("(?P<gap>").unwrap_or(r))
        .is_some_and(|r| r.starts_with("{g}") || r.starts_with("{G}"))
}

/// Whether the rule's object is followed by a possessive in its own pattern
/// ("{O}{PR} unit"), so that "its" there is the object.
pub(crate) fn reads_possessive(pattern: &str) -> bool {
    ["{OX}", "{O}"].iter().any(|o| {
        pattern.find(o).is_some_and(|i| {
            ["{PR}", "{P}", "(?:'s|')"]
                .iter()
                .any(|p| pattern[i + o.len()..].starts_with(p))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::starts_clause;

    #[test]
    fn a_gap_after_the_subject_makes_a_clause() {
        assert!(starts_clause("{S}{A}{g}\\binvested in {O}"));
        assert!(starts_clause("{S}{G}\\brivals"));
        assert!(starts_clause("{S}{A}(?P<gap>{g}\\bsells{gr}) to {OX}"));
        assert!(!starts_clause("{S}, a {O} subsidiary"));
        assert!(!starts_clause("{O}{g}\\bwas acquired by {S}"));
        assert!(!starts_clause("{S} (?:are|were) rivals"));
    }
}
