// Run by the mongo-init service (mongosh --nodb) after the three members answer. Safe to run again:
// it initiates the replica set only when it has never been, and creates each service's user or sets
// its password to the one in .env.
const root = encodeURIComponent(process.env.MONGO_ROOT_PASSWORD);
db = connect(`mongodb://root:${root}@mongo-1:27017/admin?directConnection=true&authSource=admin`);

try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (error) {
  if (error.codeName !== "NotYetInitialized") {
    throw error;
  }
  rs.initiate({
    _id: "rs0",
    members: [
      // mongo-1 is preferred as primary, so that this script's writes below find it soon
      { _id: 0, host: "mongo-1:27017", priority: 2 },
      { _id: 1, host: "mongo-2:27017", priority: 1 },
      { _id: 2, host: "mongo-3:27017", priority: 1 },
    ],
  });
  print("replica set rs0 initiated");
}

const deadline = Date.now() + 120 * 1000;
while (!db.hello().isWritablePrimary) {
  if (Date.now() > deadline) {
    throw new Error("mongo-1 did not become primary within 2 minutes: " + JSON.stringify(rs.status().members));
  }
  sleep(1000);
}

// Each service's own user, allowed its own database only (the names in each service.properties).
const users = [
  { user: "order-service", db: "orders", password: "MONGO_ORDER_PASSWORD" },
  { user: "fulfillment-service", db: "fulfillment", password: "MONGO_FULFILLMENT_PASSWORD" },
  { user: "refund-service", db: "refunds", password: "MONGO_REFUND_PASSWORD" },
  { user: "analytics-service", db: "analytics", password: "MONGO_ANALYTICS_PASSWORD" },
  { user: "listing-service", db: "listings", password: "MONGO_LISTING_PASSWORD" },
];
const admin = db.getSiblingDB("admin");
for (const { user, db: database, password } of users) {
  const pwd = process.env[password];
  if (!pwd) {
    throw new Error(`${password} is not set`);
  }
  const roles = [{ role: "readWrite", db: database }];
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles });
    print(`user ${user}: password and roles set`);
  } else {
    admin.createUser({ user, pwd, roles });
    print(`user ${user} created`);
  }
}
