-- task is the table every sync writes, a page of up to 2,000 rows per statement. Its two foreign keys cost a row
-- lock or an index probe per written row: 8 of the 19 µs PostgreSQL spent per imported row (bench/run). What they
-- guaranteed is kept by the only statement that writes tasks, sql/write-page.sql: it writes a page only through
-- the lease row of its integration, which it updates (and so locks) in the same statement, and a task's parent is
-- the integration's root or type list (made by io.taskhub.sync.TaskTree under that lease) or a task it found in
-- the same integration. Nothing deletes integrations or tasks (they are unlinked and archived instead), so no
-- cascade is lost; the tests check that every parent exists in its task's integration.
alter table task drop constraint task_integration_id_fkey;
alter table task drop constraint task_parent_id_fkey;
