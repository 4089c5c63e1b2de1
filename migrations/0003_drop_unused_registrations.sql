-- Never used since the foundation: guided registration (issue 18) brings the table it needs.
DROP TABLE "registrations" CASCADE;