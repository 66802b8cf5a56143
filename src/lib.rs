//! clu-minutes: structured data from the minutes of French prefecture user committees
//! (CLU, CLUAC). Bytes flow one way through the stages, each in its module:
//! [`decode`] → [`normalize`] → [`markup`] → repair → [`segment`] → extractors
//! ([`meeting`], [`dates`], [`figures`], [`labels`], …) → [`record`]s, with
//! [`text::Text`] keeping every position traceable to the original bytes. [`pipeline`]
//! runs them for one document, [`corpus`] for many; [`report`] shows records beside their
//! text for review.

pub mod bench;
pub mod boundary;
pub mod corpus;
pub mod dates;
pub mod decode;
pub mod departments;
pub mod edit;
pub mod error;
pub mod export;
pub mod figures;
pub mod labels;
pub mod latin;
pub mod lexicon;
pub mod markup;
pub mod meeting;
pub mod normalize;
pub mod participants;
pub mod pipeline;
pub mod record;
pub mod repair;
pub mod report;
pub mod schema;
pub mod segment;
pub mod span;
pub mod stats;
pub mod text;
