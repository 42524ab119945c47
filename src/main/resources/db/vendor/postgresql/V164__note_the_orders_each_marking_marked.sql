-- An order added to OrderMarks after the last marking has no marks: its pages would step from the
-- first record by OFFSET until a thousand changes brought the next marking. Each marking now notes the
-- orders it marked, and one that differs from the app's marks again within a minute. Until then the
-- note is empty, so the orders of V162 and later are marked at the first chance.
ALTER TABLE organisation_order_marking ADD COLUMN orders VARCHAR(1000) DEFAULT '' NOT NULL;
