INSERT INTO theme (position, name) VALUES
    (1, 'Funding'), (2, 'Capacity'), (3, 'Information flow'), (4, 'Representation'), (5, 'Commissioning'),
    (6, 'Trust'), (7, 'New communities'), (8, 'Language'), (9, 'Faith groups');
