-- As V176 for a deep page sorted by status: the block tally's rows of the page's status alone.
CREATE INDEX organisation_block_tally_status ON organisation_block_tally (status, block);
