import { dolibarr } from './dolibarr';
import { akauntingInvoices } from './akaunting';
import { erpnextIssues, erpnextSalesInvoices } from './erpnext';
import { frappeHelpdeskTickets } from './frappe-helpdesk';
import { invoiceNinjaInvoices } from './invoice-ninja';
import { odooInvoices } from './odoo';
import { odooPortalInvoices } from './odoo-portal';
import { suitecrmInvoices } from './suitecrm';
import { zammadTickets } from './zammad';
import { chatwootConversations } from './chatwoot';
import { osTicketTickets } from './osticket';
import { freeScoutConversations } from './freescout';
import { zendeskTickets } from './zendesk';
import { freshdeskTickets } from './freshdesk';
import { bitrix24Invoices } from './bitrix24';
import { amocrmInvoices } from './amocrm';
import { salesforceInvoices } from './salesforce';
import { hubspotInvoices } from './hubspot';
import { pipedriveInvoices } from './pipedrive';
import { zohoCrmInvoices } from './zoho-crm';
import type { SiteReader } from './types';

/**
 * Every site reader, tried in order before the generic reader; a reader claims a page only with
 * its item type (SiteReader.detect). One line per reader: add yours here.
 */
export const SITE_READERS: readonly SiteReader[] = [
  dolibarr,
  odooInvoices,
  odooPortalInvoices,
  erpnextSalesInvoices,
  erpnextIssues,
  frappeHelpdeskTickets,
  invoiceNinjaInvoices,
  suitecrmInvoices,
  akauntingInvoices,
  zammadTickets,
  chatwootConversations,
  osTicketTickets,
  freeScoutConversations,
  zendeskTickets,
  freshdeskTickets,
  bitrix24Invoices,
  amocrmInvoices,
  salesforceInvoices,
  hubspotInvoices,
  pipedriveInvoices,
  zohoCrmInvoices,
];
