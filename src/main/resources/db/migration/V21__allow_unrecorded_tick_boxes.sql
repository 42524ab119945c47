-- A tick box nobody asked about is "not recorded", which is not the same as a recorded "no".
ALTER TABLE organisation ALTER COLUMN full_interview DROP NOT NULL;
ALTER TABLE organisation ALTER COLUMN follow_up DROP NOT NULL;
ALTER TABLE organisation ALTER COLUMN cyp_board DROP NOT NULL;
ALTER TABLE organisation ALTER COLUMN well_informed DROP NOT NULL;
