-- What the checkout's first payment asks (the deposit plan's amount due now); null for completions made before
-- deposits existed, which paid their total.
alter table checkout.completion add column due_now_minor bigint check (due_now_minor >= 0);
