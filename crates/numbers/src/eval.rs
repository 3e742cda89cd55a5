//! Scoring numbers against Recognizers-Text and Duckling gold, as score.py does.
