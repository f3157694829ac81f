-- The reconciler also visits every store with a Stripe account, to re-encrypt its secrets after a key
-- rotation: its scan transaction (app.payments_scan = 'on') may read store ids here too, SELECT only.
create policy stripe_account_scan on payments.stripe_account for select
    using (current_setting('app.payments_scan', true) = 'on');
