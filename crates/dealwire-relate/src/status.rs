//! Status cues: whether a deal happened, is rumoured, denied, off, or old.

use regex::bytes::Regex;

/// Cue patterns over masked text, compiled once.
#[derive(Clone, Debug)]
pub(crate) struct Cues {
    denied: Regex,
    terminated: Regex,
    /// "a rival bid": a deal that meets one is counted as off.
    rival_bid: Regex,
    ended_relative: Regex,
    rumored: Regex,
    rumor_cancel: Regex,
    background: Regex,
    year: Regex,
    month: Regex,
}

/// Month names, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The publication date of the article, as far as the cues need it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dated {
    pub year: i32,
    pub month: u32,
}

impl Cues {
    /// Compiles the cue patterns.
    pub fn new() -> Result<Self, regex::Error> {
        Ok(Self {
            denied: Regex::new(
                r"(?-u)\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)? (?:the |those |such )?(?:reports?|speculation|rumou?rs)|reject(?:ed|s|ing)? (?:the |those |such )?(?:reports?|speculation|rumou?rs)|no intention of|no plans? (?:to|for)|not (?:planning|looking) to|(?:not|no longer) interested in|(?:no|little) (?:interest|desire) in|(?:has|have|had) not made an? (?:approach|offer|bid)|not in talks|refut(?:ed|es|e)|not so\b|played down (?:reports|speculation)|poured cold water|rul(?:ed|es|ing) out (?:a |an |any )?(?:@m\d+ )?(?:[a-z-]+ )?(?:bid|offer|deal|approach|takeover|merger|investment|sale|tie-up)|(?:reports?|speculation|rumou?rs)\b[^;]{0,60}? (?:was|were|is|are) (?:false|untrue|inaccurate|baseless|groundless|incorrect|wrong)\b)",
            )?,
            terminated: Regex::new(
                r"(?-u)\b(?:call(?:ed|s|ing)? off|abandon(?:ed|s|ing)?|scrap(?:s|ped|ping)?|block(?:ed|s|ing)|walk(?:ed|s|ing)? away|withdr(?:ew|awn|aws|awing)|collaps(?:ed|es|e)|laps(?:ed|es|e)|terminat(?:ed|es|e|ing)|reject(?:ed|s)|rebuffed|spurned|dropped out|drops out|pull(?:ed|s)? out|no longer|given up|gave up|gives up|winding down|wound down|cut ties|cutting ties|cuts ties|scuttled|killed|torpedoed|unwound|fell apart|falls apart|fallen apart|falling apart|fell through|falls through|fallen through|ended talks|ends talks|broke off|(?:bid|offer|deal|merger|takeover|approach|talks|attempt|effort)\b[^;]{0,40}? (?:has |had |have |later |eventually |ultimately )?failed|failed to (?:win|secure|get|gain|complete|close|clinch)|pull(?:ed|s|ing)? the plug|(?:dropp(?:ed|ing)|drops) (?:its|their|the|a|an|@r\d+(?:'s|')) (?:@m\d+ )?(?:[a-z-]+ ){0,2}(?:plans?|bid|offer|pursuit|deal|proposal|approach|attempt|effort|interest)|(?:dropp(?:ed|ing)|drops|ditch(?:ed|es|ing)|dump(?:ed|s|ing)|replac(?:ed|es|ing)) @[pr]\d+ as|(?:lost|loses|lose|losing) (?:(?:its|their|the|a|an|@r\d+(?:'s|')) )?(?:[a-z-]+ ){0,2}(?:order|orders|contract|contracts|deal|customer|client|account)|(?:lost|loses|lose|losing) @p\d+ as (?:a |an |its |their )?(?:[a-z-]+ )?(?:customer|client|supplier)|(?:stop|stops|stopped|stopping|cease|ceases|ceased|ceasing|halt|halts|halted|halting) (?:supplying|buying|selling|using|working with|sourcing|providing|shipping|making)|(?:end(?:ed|s|ing)?|dissolv(?:ed|es|e|ing)|(?:not|never|n't|declined to|refused to) renew(?:ed)?) (?:(?:its|their|the|a|an|@r\d+(?:'s|')) )?(?:[A-Za-z0-9-]+ ){0,2}(?:partnership|alliance|agreement|deal|contract|relationship|collaboration|tie-up|venture|talks))\b",
            )?,
            rival_bid: Regex::new(r"(?-u)\b(?:competing|rival) (?:offer|bid)\b")?,
            ended_relative: Regex::new(
                r"(?-u)^, (?:which|that) (?:(?:was|were|has been|had been|is being) (?:later |eventually |quickly |swiftly |promptly |ultimately )?(?:rejected|rebuffed|spurned|abandoned|withdrawn|blocked|terminated|scrapped|called off|dropped|turned down)|(?:its |the |their )?(?:[a-z]+(?:'s)? )?(?:board|directors|shareholders|management|founders|regulators|company|target) (?:later |quickly |swiftly |promptly |unanimously )?(?:rejected|rebuffed|spurned|blocked|turned down))\b",
            )?,
            rumored: Regex::new(
                r"(?-u)\b(?:in (?:advanced |early |exclusive |preliminary |late-stage )?(?:talks|discussions|negotiations)|negotiating|considering|exploring|weighing|people (?:familiar|close|briefed)|person (?:familiar|close|briefed)|sources (?:said|say|familiar|close)|according to (?:sources|people|a person|a report|reports|media reports)|reportedly|(?:is|are|was|were) said to|expected to (?:take part|participate|invest|join|lead|buy|acquire|announce|sign|bid)|citing|rumou?r|reported(?: on \w+)?,|(?:has|have) reported|mulling|in the running|(?:vying|vie|vies|vied|racing|jostling|jockeying|competing) to (?:buy|acquire|take over|win|invest|back)|front-?runner|shortlisted|short-listed|among (?:the )?(?:bidders|suitors)|(?:potential|possible|likely|leading) (?:bidders?|suitors?|buyers?)|(?:could|might) (?:soon |eventually |also )?(?:buy|acquire|bid|offer|make an offer for|take over|merge with|invest in)|(?:possible|potential) (?:cash |all-cash |all-share |takeover |merger )?(?:offer|bid|takeover|merger|combination|deal)|reports? that|explor(?:e|es|ed)|(?:held|holds|holding|hold) (?:[a-z-]+ )?(?:talks|discussions|negotiations)|(?:nearing|near|close to|closing in on|on the verge of) (?:a |an )?(?:[a-z-]+ )?(?:deal|agreement|takeover|acquisition|merger))",
            )?,
            rumor_cancel: Regex::new(r"(?-u)\b(?:put|puts|putting|pegged)\b[^;]{0,60}?\bat\b")?,
            background: Regex::new(
                r"(?-u)\b(?:previously|formerly|once (?:owned|held|had|controlled|backed)|once (?:@[pr]\d+(?:'s|') |its |their |a |an |the )?(?:[a-z-]+ )?(?:customer|client|supplier|partner|backer|shareholder|owner|parent|unit)|used to|in the past|years? ago|months ago|(?:later |earlier )?that (?:year|month|spring|summer|autumn|fall|winter)|the (?:same|previous|prior) (?:year|month)|the year before|(?:days|weeks|months|years) (?:after|before|earlier)|a year later|last (?:year|month|spring|summer|autumn|fall|winter|decade)|earlier this (?:year|month)|(?:first|initially|originally) (?:invested|backed|bought|acquired|partnered)|following (?:supply |earlier |previous |prior )?(?:arrangements|deals|agreements|investments))\b",
            )?,
            year: Regex::new(r"(?-u)\b(?:19[5-9]\d|20[0-4]\d)\b")?,
            month: Regex::new(
                r"(?-u)\b(?:in|last|since|earlier in|until|from|by|through) (january|february|march|april|may|june|july|august|september|october|november|december)\b( \d{4}\b)?",
            )?,
        })
    }

    /// Status of a deal from the masked sentence and the window around the match.
    pub fn deal_status(
        &self,
        sentence: &[u8],
        windows: &[&[u8]],
        dated: Option<Dated>,
    ) -> dealwire_core::Status {
        self.status_of(sentence, windows, dated, true)
    }

    /// Status of a bid that is itself the rival bid ("Z made a rival offer"),
    /// which that phrase does not end.
    pub fn own_bid_status(
        &self,
        sentence: &[u8],
        windows: &[&[u8]],
        dated: Option<Dated>,
    ) -> dealwire_core::Status {
        self.status_of(sentence, windows, dated, false)
    }

    fn status_of(
        &self,
        sentence: &[u8],
        windows: &[&[u8]],
        dated: Option<Dated>,
        rival_bid_ends: bool,
    ) -> dealwire_core::Status {
        use dealwire_core::Status;
        if self.denied.is_match(sentence) {
            return Status::Denied;
        }
        let ends =
            |w: &&[u8]| self.terminated.is_match(w) || rival_bid_ends && self.rival_bid.is_match(w);
        if windows.iter().any(ends) {
            return Status::Terminated;
        }
        if self.rumored.is_match(sentence) && !self.rumor_cancel.is_match(sentence) {
            return Status::Rumored;
        }
        if windows.iter().any(|w| self.is_background(w, dated)) {
            return Status::Background;
        }
        Status::Announced
    }

    /// Whether the text just after a match is a relative clause that ends the
    /// deal ("a bid for X, which was rejected"): the status windows cut
    /// relative clauses, since most of them describe the party, not the deal.
    pub fn ended_by_relative(&self, after: &[u8]) -> bool {
        self.ended_relative.is_match(after)
    }

    /// Whether `text` speaks of a rival or competing bid.
    pub fn names_rival_bid(&self, text: &[u8]) -> bool {
        self.rival_bid.is_match(text)
    }

    /// Whether the window dates the deal before the article.
    pub fn is_background(&self, window: &[u8], dated: Option<Dated>) -> bool {
        if self.background.is_match(window) {
            return true;
        }
        let Some(dated) = dated else {
            return false;
        };
        for m in self.year.find_iter(window) {
            let year = std::str::from_utf8(m.as_bytes())
                .ok()
                .and_then(|s| s.parse::<i32>().ok())
                .unwrap_or(dated.year);
            if year < dated.year {
                return true;
            }
        }
        for c in self.month.captures_iter(window) {
            if c.get(2).is_some() {
                continue;
            }
            let Some(name) = c.get(1) else { continue };
            let month = MONTHS
                .iter()
                .position(|m| m.as_bytes() == name.as_bytes())
                .map_or(0, |i| i as u32 + 1);
            if month != 0 && month != dated.month {
                return true;
            }
        }
        false
    }
}
