-- The reconciler also retries refunds held while Stripe's answer never came: its scan transaction
-- (app.payments_scan = 'on') may read which stores have PENDING refunds, SELECT only.
create policy refund_scan on payments.refund for select
    using (current_setting('app.payments_scan', true) = 'on');
