//! The `numbers` stage.

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Layer, NumberKind, Stage, StageError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::find_with;

/// A kind of number, as named in options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum KindName {
    /// Counts and plain values.
    Cardinal,
    /// Ranks.
    Ordinal,
    /// Percentages.
    Percent,
    /// Amounts of money.
    Money,
    /// Measurements with a unit.
    Quantity,
}

impl KindName {
    fn kind(self) -> NumberKind {
        match self {
            KindName::Cardinal => NumberKind::Cardinal,
            KindName::Ordinal => NumberKind::Ordinal,
            KindName::Percent => NumberKind::Percent,
            KindName::Money => NumberKind::Money,
            KindName::Quantity => NumberKind::Quantity,
        }
    }
}

/// Options of the `numbers` stage.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NumberOptions {
    /// The ISO 4217 code `$`, `dollars` and `bucks` stand for (`CAD` for
    /// Canadian news, `AUD` for Australian). Prefixed dollars (`C$`, `US$`,
    /// `HK$`) always keep their own currency.
    pub dollar: String,
    /// The kinds of numbers to report: any of "cardinal", "ordinal",
    /// "percent", "money", "quantity".
    pub kinds: Vec<KindName>,
}

impl Default for NumberOptions {
    fn default() -> NumberOptions {
        NumberOptions {
            dollar: "USD".to_owned(),
            kinds: vec![KindName::Cardinal, KindName::Ordinal, KindName::Percent, KindName::Money, KindName::Quantity],
        }
    }
}

/// Finds numbers, money, percentages and quantities with exact values.
#[derive(Clone, Debug, Default)]
pub struct NumberStage {
    options: NumberOptions,
}

impl NumberStage {
    /// A stage with these options; `Err` says what to fix.
    pub fn new(options: NumberOptions) -> Result<NumberStage, String> {
        let code = options.dollar.as_str();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "`dollar` must be an ISO 4217 code of three capital letters, like \"CAD\"; got {code:?}"
            ));
        }
        Ok(NumberStage { options })
    }
}

const NEEDS: &[Layer] = &[];
const ADDS: &[Layer] = &[Layer::NUMBERS];

impl Stage for NumberStage {
    fn name(&self) -> &str {
        "numbers"
    }

    fn needs(&self) -> &[Layer] {
        NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut numbers = find_with(doc.text(), &self.options.dollar);
        if self.options.kinds.len() < 5 {
            numbers.retain(|n| self.options.kinds.iter().any(|k| k.kind() == n.kind));
        }
        doc.layers.numbers = Some(numbers);
        Ok(())
    }
}

impl BuildStage for NumberStage {
    type Options = NumberOptions;

    fn build(options: NumberOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        NumberStage::new(options)
    }
}

inventory::submit! {
    StageRegistration::of::<NumberStage>(
        "numbers",
        "Numbers, money, percentages and quantities with exact values, units, ranges and qualifiers; from the raw text.",
        NEEDS,
        ADDS,
    )
}
