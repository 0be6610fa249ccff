// The message catalogues, one file per area of the UI and language (messages/<locale>/<area>.json), so that
// work on one area never edits another's file. English is the source; the type below makes every other
// catalogue carry the same keys (a missing one fails the type check; lib/i18n/catalogues.test.ts checks extras).
import type { Locale } from "./locales";
import en_common from "@/messages/en/common.json";
import en_layout from "@/messages/en/layout.json";
import en_home from "@/messages/en/home.json";
import en_keys from "@/messages/en/keys.json";
import en_keyPanel from "@/messages/en/keyPanel.json";
import en_keys3 from "@/messages/en/keys3.json";
import en_keyPanel3 from "@/messages/en/keyPanel3.json";
import en_directory from "@/messages/en/directory.json";
import en_tree from "@/messages/en/tree.json";
import en_search from "@/messages/en/search.json";
import en_goTo from "@/messages/en/goTo.json";
import en_palette from "@/messages/en/palette.json";
import en_cluster from "@/messages/en/cluster.json";
import en_watch from "@/messages/en/watch.json";
import en_audit from "@/messages/en/audit.json";
import en_etcdAuth from "@/messages/en/etcdAuth.json";
import en_dashboardAuth from "@/messages/en/dashboardAuth.json";
import en_transfer from "@/messages/en/transfer.json";
import en_errors from "@/messages/en/errors.json";
import en_theme from "@/messages/en/theme.json";
import en_titles from "@/messages/en/titles.json";
import en_validation from "@/messages/en/validation.json";
import en_reports from "@/messages/en/reports.json";
import zh_common from "@/messages/zh-CN/common.json";
import zh_layout from "@/messages/zh-CN/layout.json";
import zh_home from "@/messages/zh-CN/home.json";
import zh_keys from "@/messages/zh-CN/keys.json";
import zh_keyPanel from "@/messages/zh-CN/keyPanel.json";
import zh_keys3 from "@/messages/zh-CN/keys3.json";
import zh_keyPanel3 from "@/messages/zh-CN/keyPanel3.json";
import zh_directory from "@/messages/zh-CN/directory.json";
import zh_tree from "@/messages/zh-CN/tree.json";
import zh_search from "@/messages/zh-CN/search.json";
import zh_goTo from "@/messages/zh-CN/goTo.json";
import zh_palette from "@/messages/zh-CN/palette.json";
import zh_cluster from "@/messages/zh-CN/cluster.json";
import zh_watch from "@/messages/zh-CN/watch.json";
import zh_audit from "@/messages/zh-CN/audit.json";
import zh_etcdAuth from "@/messages/zh-CN/etcdAuth.json";
import zh_dashboardAuth from "@/messages/zh-CN/dashboardAuth.json";
import zh_transfer from "@/messages/zh-CN/transfer.json";
import zh_errors from "@/messages/zh-CN/errors.json";
import zh_theme from "@/messages/zh-CN/theme.json";
import zh_titles from "@/messages/zh-CN/titles.json";
import zh_validation from "@/messages/zh-CN/validation.json";
import zh_reports from "@/messages/zh-CN/reports.json";

const en = {
  common: en_common,
  layout: en_layout,
  home: en_home,
  keys: en_keys,
  keyPanel: en_keyPanel,
  keys3: en_keys3,
  keyPanel3: en_keyPanel3,
  directory: en_directory,
  tree: en_tree,
  search: en_search,
  goTo: en_goTo,
  palette: en_palette,
  cluster: en_cluster,
  watch: en_watch,
  audit: en_audit,
  etcdAuth: en_etcdAuth,
  dashboardAuth: en_dashboardAuth,
  transfer: en_transfer,
  errors: en_errors,
  theme: en_theme,
  titles: en_titles,
  validation: en_validation,
  reports: en_reports,
};

export type Messages = typeof en;

const zhCN: Messages = {
  common: zh_common,
  layout: zh_layout,
  home: zh_home,
  keys: zh_keys,
  keyPanel: zh_keyPanel,
  keys3: zh_keys3,
  keyPanel3: zh_keyPanel3,
  directory: zh_directory,
  tree: zh_tree,
  search: zh_search,
  goTo: zh_goTo,
  palette: zh_palette,
  cluster: zh_cluster,
  watch: zh_watch,
  audit: zh_audit,
  etcdAuth: zh_etcdAuth,
  dashboardAuth: zh_dashboardAuth,
  transfer: zh_transfer,
  errors: zh_errors,
  theme: zh_theme,
  titles: zh_titles,
  validation: zh_validation,
  reports: zh_reports,
};

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN };
