// `npm start`: the host simulator. Until it lands, say so instead of failing.
console.log('apbridge: the host simulator is not built yet (see issue "Host simulator").');
console.log('Run `npm test` to build the bundles and run the test suites.');
