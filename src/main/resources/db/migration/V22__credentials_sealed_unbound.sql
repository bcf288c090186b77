-- Credentials sealed before each sealed value was bound to its integration (AES-GCM associated data) cannot be
-- told from new ones by their bytes alone: the old format began with a random nonce. This marks them, once, so
-- that io.taskhub.sync.LegacyCredentials re-seals exactly these at start; a value written the old way later (into
-- an unmarked row) is never opened the old way.
alter table integration add column credentials_legacy boolean not null default false;
update integration set credentials_legacy = true where credentials is not null;
