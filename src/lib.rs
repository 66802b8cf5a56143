pub mod edit;
pub mod lexicon;
