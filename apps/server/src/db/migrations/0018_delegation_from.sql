-- A step reads, with its row, the active deputies of the grant holders over the item's unit
-- (modules/evaluations/waiting.ts `waitingColumns`), and the daily reminders the same set-wise: both look
-- delegations up by who gave them, which only the recipient's index covered.
CREATE INDEX eval_delegation_from_idx ON eval_delegation (tenant_id, from_user_id, valid_to);
