-- The default questionnaire: the themes A to H of the 2007 East Midlands mapping report.
INSERT INTO questionnaire_section (position, code, title) VALUES
    (1, 'A', 'Barriers facing the infrastructure organisations'),
    (2, 'B', 'Engagement of the infrastructure organisations in the agenda'),
    (3, 'C', 'What infrastructure organisations need to be informed and engaged'),
    (4, 'D', 'Barriers facing individual BME organisations and community groups'),
    (5, 'E', 'Engagement of BME organisations and community groups in the agenda'),
    (6, 'F', 'What BME organisations and community groups need to be informed and engaged'),
    (7, 'G', 'Commissioning opportunities for BME organisations and community groups'),
    (8, 'H', 'What would help BME groups benefit from commissioning');
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'What barriers is your organisation facing at present?' FROM questionnaire_section WHERE code = 'A';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'Is your organisation confidently engaged in the Every Child Matters agenda?' FROM questionnaire_section WHERE code = 'B';
INSERT INTO question (section_id, position, text)
    SELECT id, 2, 'Do you feel properly networked in and informed?' FROM questionnaire_section WHERE code = 'B';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'What would your organisation need to become fully informed and engaged in the processes?' FROM questionnaire_section WHERE code = 'C';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'What barriers are individual BME voluntary organisations and community groups facing at present?' FROM questionnaire_section WHERE code = 'D';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'Are BME voluntary organisations and community groups informed and engaged in the Every Child Matters agenda?' FROM questionnaire_section WHERE code = 'E';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'What do they need to become fully informed and engaged in the processes?' FROM questionnaire_section WHERE code = 'F';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'Are BME voluntary organisations and community groups going to be able to benefit from commissioning opportunities?' FROM questionnaire_section WHERE code = 'G';
INSERT INTO question (section_id, position, text)
    SELECT id, 1, 'What needs to happen to help BME groups benefit from commissioning opportunities?' FROM questionnaire_section WHERE code = 'H';
