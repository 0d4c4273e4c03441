/**
 * Names and mail domains for seeded applicants. Family names are in order of their frequency in
 * Germany (the seed picks low ranks more often, so "Müller" is common and "Popescu" rare, as in
 * a real inbox); given names mix generations. Umlauts and ß are there on purpose: the search
 * splits and compares them byte-wise.
 */

export const GIVEN_NAMES = [
  'Anna', 'Maria', 'Julia', 'Laura', 'Lena', 'Sarah', 'Katharina', 'Sandra', 'Nicole', 'Stefanie',
  'Petra', 'Sabine', 'Monika', 'Claudia', 'Andrea', 'Susanne', 'Birgit', 'Karin', 'Heike', 'Christina',
  'Emma', 'Mia', 'Sophie', 'Hannah', 'Lea', 'Jana', 'Franziska', 'Ines', 'Doreen', 'Peggy',
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Christian', 'Frank', 'Jens', 'Uwe', 'Torsten', 'Matthias',
  'Daniel', 'Markus', 'Sebastian', 'Tobias', 'Alexander', 'Jan', 'Tim', 'Lukas', 'Felix', 'Paul',
  'Maximilian', 'Jonas', 'Leon', 'Ben', 'René', 'Sören', 'Jörg', 'Jürgen', 'Günter', 'Björn',
  'Mehmet', 'Ahmad', 'Olga', 'Tatjana', 'Agnieszka', 'Ioana', 'Thi Lan', 'Hüseyin', 'Zoë', 'Małgorzata',
];

export const FAMILY_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert',
  'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
  'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
  'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl',
  'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer',
  'Yılmaz', 'Kaya', 'Nguyen', 'Nowak', 'Kowalski', 'Popescu', 'Al-Hassan', 'Meißner', 'Große-Wöstmann', "O'Brien",
];

export const MAIL_DOMAINS = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de', 'mail.de', 'outlook.de', 'freenet.de', 'icloud.com', 'mailbox.org'];
