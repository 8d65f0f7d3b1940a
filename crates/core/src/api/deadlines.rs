//! `deadlines`, `deadlinesIcs` and `checklist` (XYU-10.6, XYU-12, XYU-13, XYU-14, LX-4, LX-6):
//! three answers to the same request ([`DeadlineRequest`]), one export type each.

use super::{given, Export};
use crate::deadline::{self, Checklist, Deadline, DeadlineRequest};
use crate::error::Result;
use crate::locale::Locale;
use crate::policy::Policy;
use crate::read::{Obj, Request};

/// Defines an export over [`DeadlineRequest`].
macro_rules! over_dates {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub struct $name(pub DeadlineRequest);

        impl Request for $name {
            const KEYS: &'static [&'static str] = DeadlineRequest::KEYS;
            fn read(o: &Obj<'_>) -> Result<Self> {
                DeadlineRequest::read(o).map(Self)
            }
        }
    };
}

over_dates!(
    /// `deadlines`: the deadlines by date.
    Deadlines
);
over_dates!(
    /// `deadlinesIcs`: the deadlines as an iCalendar text.
    DeadlinesIcs
);
over_dates!(
    /// `checklist`: the steps by phase.
    ChecklistRequest
);

impl Export for Deadlines {
    type Output<'p> = Vec<Deadline>;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Vec<Deadline>> {
        deadline::deadlines(given(policy)?, &self.0, locale)
    }
}

impl Export for DeadlinesIcs {
    type Output<'p> = String;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<String> {
        Ok(deadline::to_ics(&deadline::deadlines(given(policy)?, &self.0, locale)?, locale))
    }
}

impl Export for ChecklistRequest {
    type Output<'p> = Checklist;
    fn run(self, policy: Option<&Policy>, locale: Locale) -> Result<Checklist> {
        deadline::checklist(given(policy)?, &self.0, locale)
    }
}
