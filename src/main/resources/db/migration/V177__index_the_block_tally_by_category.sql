-- As V176 for a deep page sorted by category: the block tally's rows of the page's category alone.
CREATE INDEX organisation_block_tally_category ON organisation_block_tally (category, block);
