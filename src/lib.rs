pub mod edit;
pub mod lexicon;
pub mod repair;
