export const id = 379984;
export const ids = [379984];
export const modules = {

/***/ 89578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scheduleOf: () => (/* binding */ scheduleOf)
/* harmony export */ });
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Reads the workflow's cron (from the schedule event's payload) with cron-parser. GitHub's cron has
 * five fields and runs in UTC. A cron that does not parse gives only itself: gaps are then judged
 * by the observed cadence.
 */
function scheduleOf(cron, startedAtMs) {
    try {
        // Just after the start, so a run that starts exactly on its tick is scheduled for that tick.
        const expr = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(cron, { currentDate: new Date(startedAtMs + 1), tz: 'UTC', strict: false });
        const tick = expr.prev().getTime();
        const after = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(cron, { currentDate: new Date(tick), tz: 'UTC', strict: false }).next().getTime();
        return { cron, scheduledAt: tick, intervalMs: after - tick };
    }
    catch {
        return { cron };
    }
}


/***/ })

};
