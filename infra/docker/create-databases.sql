-- One database per app (each owns its read models) plus the bus log used in single-node mode.
CREATE DATABASE applicants;
CREATE DATABASE listings;
CREATE DATABASE landlords;
CREATE DATABASE statistics;
CREATE DATABASE bus;
