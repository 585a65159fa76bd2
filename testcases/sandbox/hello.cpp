// Sanity: C++ with iostream and the STL.
#include <iostream>
#include <vector>
#include <algorithm>
int main() {
    std::vector<int> v;
    int x;
    while (std::cin >> x) v.push_back(x);
    std::sort(v.begin(), v.end());
    for (int y : v) std::cout << y << ' ';
    std::cout << '\n';
}
