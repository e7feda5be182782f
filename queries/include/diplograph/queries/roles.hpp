// A person's dated roles as every output shows them (entities, its JSON, every export, the
// tables): the one place that orders them and words them.
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/graph/store.hpp>

#include <map>
#include <string>
#include <vector>

namespace diplograph {

//! `roles` of a person of `country` as shown: the roles in her own country first (Macron is
//! head of state of FRA before he is co-prince of Andorra), each group in its stored order
//! (Store::roles_of: by start date, title); an observation ("head of state as of 2025-11-20",
//! learned from an article) left out when a dated role of the same office covers that day, and
//! each role once (the same office and dates from several sources).
std::vector<Role> display_roles(const std::string& country, std::vector<Role> roles);

//! "head of state of FRA since 2017-05-14", "foreign minister of TGO as of 2025-11-20",
//! "… 2019-01-01..2023-06-30", "… until 2020".
std::string role_text(const Role& role);
//! The roles' texts joined by "; ".
std::string roles_text(const std::vector<Role>& roles);

//! The dated roles of some people, for exports.
struct PeopleRoles {
    //! Display roles (display_roles()) by person id; people without a role are left out.
    std::map<std::string, std::vector<Role>> by_person;
    //! The countries and organisations those roles are of, by id (without aliases).
    std::map<std::string, Entity> offices;
    //! The person's display roles; empty for anyone else.
    const std::vector<Role>& of(const std::string& person) const;
};

//! The roles of the people among `nodes` of `graph` (other actors are skipped).
PeopleRoles people_roles(const Store& store, const Graph& graph,
                         const std::vector<NodeIndex>& nodes);

}  // namespace diplograph
