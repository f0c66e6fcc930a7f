// The pages of access-table monitoring, loaded together when one of them is first opened.
export { MonitoringHomePage } from './MonitoringHomePage';
export { RegisterPage } from './RegisterPage';
export { RegistrationPage } from './RegistrationPage';
export { ImportPage } from './ImportPage';
export { ReportPage } from './ReportPage';
export { AccessTablesAdminPage } from './AccessTablesAdminPage';
