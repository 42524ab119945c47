-- One row that every change of who referred whom locks before it checks for a loop, held until its
-- transaction ends: two changes made at once would each check the chain without the other's link
-- and could together close a loop (A referred by B while B is referred by A), which a restore then
-- refuses as the forms do.
CREATE TABLE referral_lock (
    id INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT referral_lock_one_row CHECK (id = 1)
);
